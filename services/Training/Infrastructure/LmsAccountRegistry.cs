using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Training.Domain.LmsAccounts;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Training.Infrastructure;

/// <summary>The look-ups around LMS accounts: a person's one account, and whether an email or username is taken.</summary>
public sealed class LmsAccountRegistry(TrainingDbContext db)
{
    public Task<LmsAccount?> ActiveOfAsync(Guid personId, CancellationToken cancellationToken) =>
        db.LmsAccounts.SingleOrDefaultAsync(a => a.PersonId == personId && a.Status == LmsAccountStatus.Active, cancellationToken);

    public Task<bool> EmailTakenAsync(EmailAddress email, CancellationToken cancellationToken) =>
        db.LmsAccounts.AnyAsync(a => a.Email == email.Value, cancellationToken);

    public Task<bool> UsernameTakenAsync(string username, CancellationToken cancellationToken) =>
        db.LmsAccounts.AnyAsync(a => a.Username == username, cancellationToken);

    /// <summary>Whether the person's training may complete as far as their LMS account goes: it has an agency email.</summary>
    public async Task<bool> EmailOkAsync(Guid personId, CancellationToken cancellationToken) =>
        await ActiveOfAsync(personId, cancellationToken) is not { PersonalEmail: true };

    /// <summary>
    /// The person's account for a new path, never a second one: theirs if they have one, or the existing account the
    /// ATA named by its LMS username, or the one with their agency email (their history stays there; it moves to their
    /// agency email, audited). Only a person the LMS has never seen gets a new account, with the username the ATA gave
    /// or one made from the email.
    /// </summary>
    public async Task<LmsAccount?> EnsureAsync(Guid personId, EmailAddress email, string lmsUsername, (string Given, string Family) name,
        IReadOnlyCollection<string> agencyDomains, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var named = lmsUsername.Length > 0 ? LmsUsername.Parse(lmsUsername, "lms_username") : null;
        var existing = await ActiveOfAsync(personId, cancellationToken)
            ?? (named is null ? null : await db.LmsAccounts.SingleOrDefaultAsync(a => a.Username == named && a.Status == LmsAccountStatus.Active, cancellationToken))
            ?? await db.LmsAccounts.SingleOrDefaultAsync(a => a.Email == email.Value && a.Status == LmsAccountStatus.Active, cancellationToken);
        if (existing is not null)
        {
            var emailTaken = existing.Email != email.Value && await EmailTakenAsync(email, cancellationToken);
            if (existing.Reuse(personId, email, emailTaken, agencyDomains, now) is { } change)
            {
                db.LmsAccountChanges.Add(change);
            }
            return existing;
        }
        if (await EmailTakenAsync(email, cancellationToken))
        {
            // Only a duplicate account has it (a person's own is active): the Help Desk deletes it; no third is made.
            return null;
        }
        var username = named ?? LmsUsername.FromEmail(email);
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
