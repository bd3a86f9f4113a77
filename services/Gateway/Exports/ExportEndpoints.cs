using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hmis.Credentialing.V1;
using Hmis.Requests.V1;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.Gateway.Extensions;
using HmisPlatform.Gateway.Identity;
using HmisPlatform.Gateway.Security;
using HmisPlatform.Gateway.Staff;
using Microsoft.EntityFrameworkCore;

namespace HmisPlatform.Gateway.Exports;

/// <summary>
/// The HMIS Lead's reports as CSV files, for the web UI's download links and for API callers alike (a session or a
/// bearer token): the access list, the journeys with their stage times, a quarter's credit statement, and the request
/// and security audits for a range of days. Each streams from its service's export RPC (or the gateway's own audit
/// table) to the response as rows arrive; none is read whole into memory. The services decide who may read what.
/// </summary>
public static class ExportEndpoints
{
    public const string Prefix = "/exports";

    public static void MapExports(this WebApplication app)
    {
        var exports = app.MapGroup(Prefix).RequireAuthorization().RequireRateLimiting(CallerRateLimits.Policy);

        exports.MapGet("/active-accounts.csv", (HttpContext http, Credentials.CredentialsClient credentials, Agencies.AgenciesClient agencies, string? agency_id) =>
            CsvAsync(http, "active-accounts.csv", async (csv, options) =>
            {
                var names = await AgencyNamesAsync(agencies, options);
                await csv.RowAsync(["agency_id", "agency_name", "username", "full_name", "email", "project_types", "last_login_at", "agreement_version", "agreement_signed_at", "activated_at"], http.RequestAborted);
                using var call = credentials.ExportActiveAccounts(new ExportActiveAccountsRequest { AgencyId = agency_id ?? "" }, options);
                await foreach (var batch in call.ResponseStream.ReadAllAsync(http.RequestAborted))
                {
                    foreach (var a in batch.Accounts)
                    {
                        await csv.RowAsync([a.AgencyId, names.GetValueOrDefault(a.AgencyId, ""), a.Username, a.FullName, a.Email,
                            string.Join(';', a.ProjectTypes.Select(p => ProtoEnum.ShortNameOf(p, "PROJECT_TYPE_"))), Instant(a.LastLoginAt), a.AgreementVersion,
                            Instant(a.AgreementSignedAt), Instant(a.ActivatedAt)], http.RequestAborted);
                    }
                }
            }));

        exports.MapGet("/journeys.csv", (HttpContext http, AccessRequests.AccessRequestsClient requests, Agencies.AgenciesClient agencies, string? from, string? to) =>
            CsvAsync(http, "journeys.csv", async (csv, options) =>
            {
                var names = await AgencyNamesAsync(agencies, options);
                await csv.RowAsync(["access_request_id", "person_id", "agency_id", "agency_name", "request_type", "submitted_at", "current_stage",
                    "request_days", "training_days", "assessment_days", "credentials_days", "completed_at"], http.RequestAborted);
                using var call = requests.ExportJourneys(new ExportJourneysRequest { From = from ?? "", To = to ?? "" }, options);
                await foreach (var batch in call.ResponseStream.ReadAllAsync(http.RequestAborted))
                {
                    foreach (var j in batch.Journeys)
                    {
                        await csv.RowAsync([j.AccessRequestId, j.PersonId, j.AgencyId, names.GetValueOrDefault(j.AgencyId, ""),
                            ProtoEnum.ShortNameOf(j.RequestType, "REQUEST_TYPE_"), Instant(j.SubmittedAt), ProtoEnum.ShortNameOf(j.CurrentStage, "JOURNEY_STAGE_"),
                            Days(j.RequestStage), Days(j.TrainingStage), Days(j.AssessmentStage), Days(j.CredentialsStage), Instant(j.CompletedAt)], http.RequestAborted);
                    }
                }
            }));

        exports.MapGet("/credit-statement.csv", (HttpContext http, LicenseCredits.LicenseCreditsClient credits, string agency_id, int year, int quarter) =>
            CsvAsync(http, $"credit-statement-{year}-q{quarter}.csv", async (csv, options) =>
            {
                var statement = await credits.GetQuarterlyStatementAsync(new GetQuarterlyStatementRequest { AgencyId = agency_id, Year = year, Quarter = quarter }, options);
                await csv.RowAsync(["agency_id", "year", "quarter", "recorded_at", "kind", "credits", "available_after", "person_id", "access_request_id", "recorded_by", "note"], http.RequestAborted);
                using var call = credits.ExportQuarterLedger(new ExportQuarterLedgerRequest { AgencyId = agency_id, Year = year, Quarter = quarter }, options);
                await foreach (var batch in call.ResponseStream.ReadAllAsync(http.RequestAborted))
                {
                    foreach (var e in batch.Entries)
                    {
                        await csv.RowAsync([statement.AgencyId, Number(year), Number(quarter), Instant(e.RecordedAt), ProtoEnum.ShortNameOf(e.Kind, "CREDIT_ENTRY_KIND_"),
                            Number(e.Credits), Number(e.AvailableAfter), e.PersonId, e.AccessRequestId, e.RecordedBy, e.Note], http.RequestAborted);
                    }
                }
                // The statement's totals close the file, as on the printed statement.
                await csv.RowAsync([statement.AgencyId, Number(year), Number(quarter), "", "TOTAL_CONSUMED", Number(statement.CreditsConsumed), "", "", "", "",
                    $"amount due {Money(statement.AmountCents)} at {Money(statement.PricePerCreditCents)} per credit"], http.RequestAborted);
            }));

        exports.MapGet("/request-audit.csv", (HttpContext http, AccessRequests.AccessRequestsClient requests, string? from, string? to) =>
            CsvAsync(http, "request-audit.csv", async (csv, options) =>
            {
                await csv.RowAsync(["occurred_at", "access_request_id", "actor", "actor_role", "action", "from_status", "to_status", "reason"], http.RequestAborted);
                using var call = requests.ExportRequestAudit(new ExportRequestAuditRequest { From = from ?? "", To = to ?? "" }, options);
                await foreach (var batch in call.ResponseStream.ReadAllAsync(http.RequestAborted))
                {
                    foreach (var c in batch.Changes)
                    {
                        await csv.RowAsync([Instant(c.OccurredAt), c.AccessRequestId, c.Actor, c.ActorRole, c.Action,
                            ProtoEnum.ShortNameOf(c.FromStatus, "ACCESS_REQUEST_STATUS_"), ProtoEnum.ShortNameOf(c.ToStatus, "ACCESS_REQUEST_STATUS_"), c.Reason], http.RequestAborted);
                    }
                }
            }));

        exports.MapGet("/access-review.csv", (HttpContext http, AccessReviews.AccessReviewsClient reviews, Agencies.AgenciesClient agencies, string review_id) =>
            CsvAsync(http, "access-review.csv", async (csv, options) =>
            {
                var names = await AgencyNamesAsync(agencies, options);
                await csv.RowAsync(["agency_id", "agency_name", "username", "full_name", "email", "last_login_at", "decision", "decided_by", "decided_at", "reason", "overdue"], http.RequestAborted);
                using var call = reviews.ExportAccessReview(new ExportAccessReviewRequest { ReviewId = review_id }, options);
                await foreach (var batch in call.ResponseStream.ReadAllAsync(http.RequestAborted))
                {
                    foreach (var i in batch.Items)
                    {
                        await csv.RowAsync([i.AgencyId, names.GetValueOrDefault(i.AgencyId, ""), i.Username, i.FullName, i.Email, Instant(i.LastLoginAt),
                            i.Decision == ReviewDecision.Unspecified ? "PENDING" : ProtoEnum.ShortNameOf(i.Decision, "REVIEW_DECISION_"), i.DecidedBy, Instant(i.DecidedAt), i.Reason,
                            i.Overdue ? "yes" : "no"], http.RequestAborted);
                    }
                }
            }));

        // The gateway's own audit: sign-ins, tokens, clients, refusals, imports. The HMIS team's alone.
        exports.MapGet("/security-audit.csv", (HttpContext http, GatewayDbContext db, string? from, string? to) =>
            CsvAsync(http, "security-audit.csv", async (csv, _) =>
            {
                var (start, until) = BuildingBlocks.Domain.DayRange.Parse(from, to);
                await csv.RowAsync(["occurred_at", "kind", "actor", "subject", "agency_id", "detail", "trace_id"], http.RequestAborted);
                var events = db.SecurityEvents.AsNoTracking()
                    .Where(e => (start == null || e.OccurredAt >= start) && (until == null || e.OccurredAt < until))
                    .OrderBy(e => e.Id)
                    .AsAsyncEnumerable();
                await foreach (var e in events.WithCancellation(http.RequestAborted))
                {
                    await csv.RowAsync([e.OccurredAt.ToString("O", CultureInfo.InvariantCulture), e.Kind, e.Actor, e.Subject, e.AgencyId?.ToString(), e.Detail, e.TraceId], http.RequestAborted);
                }
            })).RequireAuthorization(GatewayPolicies.HmisTeam);
    }

    /// <summary>
    /// Streams one CSV file. A refusal before the first row (not allowed, a bad date, a service not answering) is an
    /// HTTP error with the service's words; after it, the response is cut short, which the caller sees as a broken download.
    /// </summary>
    private static async Task<IResult> CsvAsync(HttpContext http, string fileName, Func<CsvWriter, CallOptions, Task> write)
    {
        var options = AsCaller(http);
        try
        {
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            http.Response.Headers.CacheControl = "no-store";
            var csv = new CsvWriter(http.Response.Body);
            await write(csv, options);
            await csv.FlushAsync(http.RequestAborted);
            return Results.Empty;
        }
        catch (RpcException refused) when (!http.Response.HasStarted)
        {
            http.Response.Headers.ContentDisposition = default;
            return Results.Problem(refused.Status.Detail, statusCode: refused.StatusCode switch
            {
                StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
                StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
                StatusCode.InvalidArgument or StatusCode.FailedPrecondition => StatusCodes.Status400BadRequest,
                StatusCode.NotFound => StatusCodes.Status404NotFound,
                _ => StatusCodes.Status503ServiceUnavailable,
            });
        }
        catch (BuildingBlocks.Domain.DomainException refused) when (!http.Response.HasStarted)
        {
            http.Response.Headers.ContentDisposition = default;
            return Results.Problem(refused.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>The call as the caller: a signed-in person with a person token made now, an API caller with their own token.</summary>
    private static CallOptions AsCaller(HttpContext http)
    {
        var authorization = StaffIdentity.IsPersonSession(http)
            ? $"Bearer {http.RequestServices.GetRequiredService<PersonTokens>().Issue(http.User, new Uri($"{http.Request.Scheme}://{http.Request.Host}/"))}"
            : http.Request.Headers.Authorization.ToString();
        return new CallOptions(new Metadata { { "authorization", authorization } }, cancellationToken: http.RequestAborted);
    }

    private static async Task<Dictionary<string, string>> AgencyNamesAsync(Agencies.AgenciesClient agencies, CallOptions options) =>
        (await agencies.ListAgenciesAsync(new ListAgenciesRequest(), options)).Agencies.ToDictionary(a => a.Id, a => a.Name);

    private static string Instant(Timestamp? at) => at is null ? "" : at.ToDateTimeOffset().ToString("O", CultureInfo.InvariantCulture);

    private static string Days(Duration? spent) => spent is null ? "" : spent.ToTimeSpan().TotalDays.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Money(long cents) => (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
