using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hmis.Credentialing.V1;
using HmisPlatform.BuildingBlocks.Contracts;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Grpc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using AccountStatus = HmisPlatform.Credentialing.Domain.Accounts.AccountStatus;

namespace HmisPlatform.Credentialing.Grpc;

/// <summary>The access list an auditor asks for.</summary>
public sealed partial class CredentialsService
{
    [Authorize(Policy = PlatformIdentity.CredentialsRead)]
    public override async Task ExportActiveAccounts(ExportActiveAccountsRequest request, IServerStreamWriter<ExportActiveAccountsResponse> responseStream, ServerCallContext context)
    {
        var agency = context.Caller().AgencyToList(request.AgencyId.Length == 0 ? null : Ids.Parse(request.AgencyId, "agency_id"));
        var rows =
            from account in db.Accounts.AsNoTracking()
            where account.Status == AccountStatus.Active && (agency == null || account.AgencyId == agency)
            join applicant in db.Applicants.AsNoTracking()
                on new { account.PersonId, account.AccessRequestId } equals new { applicant.PersonId, applicant.AccessRequestId } into people
            from person in people.DefaultIfEmpty()
            orderby account.AgencyId, account.Username
            select new
            {
                account.Id, account.Username, account.AgencyId, account.PersonId, account.Email, account.ProjectTypes, account.LastActivityAt,
                account.AgreementVersion, account.AgreementSignedAt, account.ActivatedAt,
                GivenName = person == null ? "" : person.GivenName, FamilyName = person == null ? "" : person.FamilyName,
            };
        await foreach (var batch in Batches.Of(rows.AsAsyncEnumerable(), context.CancellationToken))
        {
            await responseStream.WriteAsync(new ExportActiveAccountsResponse
            {
                Accounts =
                {
                    batch.Select(a => new ActiveAccountRecord
                    {
                        AccountId = a.Id.ToString(), Username = a.Username, AgencyId = a.AgencyId.ToString(), PersonId = a.PersonId.ToString(),
                        FullName = $"{a.GivenName} {a.FamilyName}".Trim(), Email = a.Email, ProjectTypes = { a.ProjectTypes.Select(p => p.ToContract()) },
                        LastLoginAt = a.LastActivityAt is { } login ? Timestamp.FromDateTimeOffset(login) : null,
                        AgreementVersion = a.AgreementVersion ?? "",
                        AgreementSignedAt = a.AgreementSignedAt is { } signed ? Timestamp.FromDateTimeOffset(signed) : null,
                        ActivatedAt = a.ActivatedAt is { } active ? Timestamp.FromDateTimeOffset(active) : null,
                    }),
                },
            }, context.CancellationToken);
        }
    }
}
