using Grpc.Core;
using Hmis.Training.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Grpc;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Training.Domain.LmsAccounts;
using HmisPlatform.Training.IntegrationEvents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using LmsAccount = HmisPlatform.Training.Domain.LmsAccounts.LmsAccount;

namespace HmisPlatform.Training.Grpc;

public sealed partial class TrainingService
{
    public const string LookupKeyRequiredReason = "EMAIL_OR_USERNAME_REQUIRED";
    public const string AccountNotFoundReason = "LMS_ACCOUNT_NOT_FOUND";

    [Authorize(Policy = PlatformIdentity.TrainingWrite)]
    public override Task<RegisterLmsAccountResponse> RegisterLmsAccount(RegisterLmsAccountRequest request, ServerCallContext context) =>
        commands.RunAsync(request.RequestId, request, async ct =>
        {
            // Registered for a person of an approved request: their path says their agency and its domains.
            var path = await CurrentPathAsync(Ids.Parse(request.PersonId, "person_id"), context, ct);
            var email = EmailAddress.Parse(request.Email, "email");
            var username = LmsUsername.Parse(request.Username, "username");
            var account = LmsAccount.Register(path.PersonId, email, username, await lmsAccounts.ActiveOfAsync(path.PersonId, ct),
                await lmsAccounts.EmailTakenAsync(email, ct), await lmsAccounts.UsernameTakenAsync(username, ct), path.AgencyEmailDomains, time.GetStoredNow());
            db.LmsAccounts.Add(account);
            await db.SaveChangesAsync(ct);
            return new RegisterLmsAccountResponse { Account = account.ToMessage() };
        }, context.CancellationToken);

    [Authorize(Policy = PlatformIdentity.TrainingRead)]
    public override async Task<FindLmsAccountResponse> FindLmsAccount(FindLmsAccountRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        string? email = request.Email.Trim().Length > 0 ? EmailAddress.Parse(request.Email, "email").Value : null;
        string? username = request.Username.Trim().Length > 0 ? request.Username.Trim().ToLowerInvariant() : null;
        if (email is null && username is null)
        {
            throw DomainException.Invalid(LookupKeyRequiredReason, "Give an email or a username.", new FieldViolation("email", "an email or a username is required", LookupKeyRequiredReason));
        }
        var found = await db.LmsAccounts.AsNoTracking().Where(a => a.Email == email || a.Username == username).ToListAsync(context.CancellationToken);
        // An agency's callers see the accounts of people on their agency's paths; a trainee only their own.
        var people = found.Select(a => a.PersonId).ToList();
        var visible = caller.IsHmisTeam ? people.ToHashSet()
            : (await db.LearningPaths.AsNoTracking().Where(p => people.Contains(p.PersonId) && p.AgencyId == caller.AgencyId).Select(p => p.PersonId).ToListAsync(context.CancellationToken))
                .Where(caller.MayListPerson).ToHashSet();
        return new FindLmsAccountResponse
        {
            Accounts = { found.Where(a => visible.Contains(a.PersonId)).OrderBy(a => a.Status).Select(a => a.ToMessage()) },
        };
    }

    [Authorize(Policy = PlatformIdentity.TrainingWrite)]
    public override Task<UpdateLmsAccountEmailResponse> UpdateLmsAccountEmail(UpdateLmsAccountEmailRequest request, ServerCallContext context) =>
        commands.RunAsync(request.RequestId, request, async ct =>
        {
            var caller = context.Caller().EnsureHmisTeam("changes LMS account emails (Help Desk)");
            var id = Ids.Parse(request.AccountId, "account_id");
            var account = await db.LmsAccounts.SingleOrDefaultAsync(a => a.Id == id, ct)
                ?? throw DomainException.NotFound(AccountNotFoundReason, "No such LMS account.");
            var email = EmailAddress.Parse(request.Email, "email");
            var paths = await db.LearningPaths.Where(p => p.PersonId == account.PersonId).OrderByDescending(p => p.EnrolledAt).ToListAsync(ct);
            var now = time.GetStoredNow();
            db.LmsAccountChanges.Add(account.ChangeEmail(email, await lmsAccounts.EmailTakenAsync(email, ct), paths.FirstOrDefault()?.AgencyEmailDomains ?? [],
                request.Reason, caller.Subject, now));
            // A path held back only by a personal email completes now.
            foreach (var path in paths.Where(p => p.CompleteIfReady(!account.PersonalEmail, now)))
            {
                db.Publish(path.Completion(now));
            }
            await db.SaveChangesAsync(ct);
            return new UpdateLmsAccountEmailResponse { Account = account.ToMessage() };
        }, context.CancellationToken);
}
