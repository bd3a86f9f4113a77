namespace HmisPlatform.Requests.Domain.AccessRequests;

/// <summary>A user as the ATA typed them on the form, before any rule has looked at them.</summary>
public sealed record NewUser(string GivenName, string FamilyName, string Email, string LmsUsername = "", string HmisUsername = "");
