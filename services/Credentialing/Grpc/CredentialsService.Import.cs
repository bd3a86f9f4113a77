using Grpc.Core;
using Hmis.Credentialing.V1;
using HmisPlatform.BuildingBlocks.Contracts;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Grpc;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.Credentialing.Domain.Accounts;
using HmisPlatform.Credentialing.IntegrationEvents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using ImportAgency = HmisPlatform.Credentialing.Domain.Accounts.ImportAgency;

namespace HmisPlatform.Credentialing.Grpc;

/// <summary>The go-live import of the accounts people hold today.</summary>
public sealed partial class CredentialsService
{
    [Authorize(Policy = PlatformIdentity.DataImport)]
    public override async Task<ImportAccountsResponse> ImportAccounts(ImportAccountsRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var now = time.GetUtcNow();
        var agencies = request.Agencies.Select((a, i) => new ImportAgency(Ids.Parse(a.AgencyId, $"agencies[{i}].agency_id"), a.AgencyName,
            [.. a.EmailDomains.Select(d => d.Trim().ToLowerInvariant())]));
        // Only the accounts the rows can match: by username, or as the same person by e-mail.
        var usernames = request.Accounts.Select(r => r.HmisUsername.Trim().ToLowerInvariant()).Distinct().ToList();
        var emails = request.Accounts.Select(r => r.Email.Trim().ToLowerInvariant()).Distinct().ToList();
        var known = await db.Accounts.Where(a => usernames.Contains(a.Username) || emails.Contains(a.Email)).ToListAsync(ct);
        var personIds = known.Select(a => a.PersonId).Distinct().ToList();
        var withApplicant = await db.Applicants.Where(a => a.AccessRequestId == Guid.Empty && personIds.Contains(a.PersonId)).Select(a => a.PersonId).ToListAsync(ct);
        var import = new AccountImport(agencies, known, withApplicant, await db.CurrentAgreementAsync(ct), context.Caller().AsActor(), now);
        var rows = request.Accounts.Select(row => import.Account(row.Line, row.GivenName, row.FamilyName, row.Email, row.AgencyName, row.HmisUsername,
            row.Status switch { Hmis.Credentialing.V1.AccountStatus.Active => true, Hmis.Credentialing.V1.AccountStatus.Removed => false, _ => null },
            row.LastLoginOn, row.ProjectTypes.ToDomain(), row.Responsibilities.ToDomain(), row.EuaSignedOn)).ToList();
        var applied = request.Mode.Applies(rows);
        if (applied)
        {
            db.Accounts.AddRange(import.NewAccounts);
            db.Applicants.AddRange(import.NewApplicants);
            foreach (var account in import.NewAccounts)
            {
                var (given, family) = import.NamesOf[account.Id];
                db.Publish(account.Imported(given, family, now));
            }
            await db.SaveChangesAsync(ct);
        }
        return new ImportAccountsResponse
        {
            Accounts = { rows.Select(r => r.ToMessage()) },
            People = { import.People.Select(p => new ImportedPerson { Email = p.Key, PersonId = p.Value.ToString() }) },
            Applied = applied,
        };
    }
}
