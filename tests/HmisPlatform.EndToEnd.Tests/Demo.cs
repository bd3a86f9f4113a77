namespace HmisPlatform.EndToEnd.Tests;

/// <summary>
/// The demo people and agency a Development run seeds (services/Gateway/Staff/DemoStaff.cs, listed in the README), as the
/// browser tests sign in with them. The ATAs' and the Supervisor's authenticator keys are known to <see cref="JourneyDriver.DemoAuthenticators"/>.
/// </summary>
internal static class Demo
{
    public const string Password = "Demo-access-2026";
    public const string HmisLead = "hmis.lead@hmis.example.org";
    public const string HmisLeadKey = "HMISDEMOLEADKEY2HMISDEMOLEADKEY2";
    public const string CeCoordinator = "ce.coordinator@hmis.example.org";
    public const string CeCoordinatorKey = "HMISDEMOCETEAMKEY2HMISDEMOCETEAM";
    public const string LakeviewAta = "alex.rivera@lakeview.example.org";
    public const string SouthsideAta = "jordan.lee@southside.example.org";
    public const string LakeviewSupervisor = "morgan.ellis@lakeview.example.org";
    public const string SouthsideAgencyId = "0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0002";
}
