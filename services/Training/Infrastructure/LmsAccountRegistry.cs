using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Training.Domain.LmsAccounts;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Training.Infrastructure;

/// <summary>The look-ups around LMS accounts: a person's one account, and whether an email or username is taken.</summary>
public sealed class LmsAccountRegistry(TrainingDbContext db)
{
    public Task<LmsAccount?> ActiveOfAsync(Guid personId, CancellationToken cancellationToken) =>
        db.LmsAccounts.SingleOrDefaultAsync(a => a.PersonId == personId && a.Status == Hmis.Training.V1.LmsAccountStatus.Active, cancellationToken);

    public Task<bool> EmailTakenAsync(EmailAddress email, CancellationToken cancellationToken) =>
        db.LmsAccounts.AnyAsync(a => a.Email == email.Value, cancellationToken);

    public Task<bool> UsernameTakenAsync(string username, CancellationToken cancellationToken) =>
        db.LmsAccounts.AnyAsync(a => a.Username == username, cancellationToken);

    /// <summary>Whether the person's training may complete as far as their LMS account goes: it has an agency email.</summary>
    public async Task<bool> EmailOkAsync(Guid personId, CancellationToken cancellationToken) =>
        await ActiveOfAsync(personId, cancellationToken) is not { PersonalEmail: true };

    /// <summary>
    /// The person's account for a new path: theirs if they have one (their history stays there), else one opened with
    /// their agency email and the username the ATA gave (or one made from the email), unless another account has that
    /// email already, which the Help Desk sorts out.
    /// </summary>
    public async Task<LmsAccount?> EnsureAsync(Guid personId, EmailAddress email, string lmsUsername, (string Given, string Family) name,
        IReadOnlyCollection<string> agencyDomains, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await ActiveOfAsync(personId, cancellationToken) is { } existing)
        {
            return existing;
        }
        if (await EmailTakenAsync(email, cancellationToken))
        {
            return null;
        }
        var username = lmsUsername.Length > 0 ? LmsUsername.Parse(lmsUsername, "lms_username") : LmsUsername.FromEmail(email);
        var candidate = username;
        for (var n = 2; await UsernameTakenAsync(candidate, cancellationToken); n++)
        {
            candidate = $"{username}{n}";
        }
        var account = LmsAccount.Register(personId, email, candidate, null, false, false, agencyDomains, now, name.Given, name.Family);
        db.LmsAccounts.Add(account);
        return account;
    }
}
