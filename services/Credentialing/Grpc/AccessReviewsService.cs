using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hmis.Credentialing.V1;
using HmisPlatform.BuildingBlocks.Contracts;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Grpc;
using HmisPlatform.BuildingBlocks.Idempotency;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.BuildingBlocks.Persistence;
using HmisPlatform.Credentialing.Contracts;
using HmisPlatform.Credentialing.Infrastructure;
using HmisPlatform.Credentialing.IntegrationEvents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using AccessReview = HmisPlatform.Credentialing.Domain.Reviews.AccessReview;
using AccessReviewItem = HmisPlatform.Credentialing.Domain.Reviews.AccessReviewItem;
using AccountStatus = HmisPlatform.Credentialing.Domain.Accounts.AccountStatus;
using ReviewDecision = HmisPlatform.Credentialing.Domain.Reviews.ReviewDecision;

namespace HmisPlatform.Credentialing.Grpc;

/// <summary>The quarterly access review: opened by the HMIS team, decided by each agency, its result kept and exported.</summary>
public sealed class AccessReviewsService(CredentialingDbContext db, IdempotentCommands<CredentialingDbContext> commands, TimeProvider time)
    : AccessReviews.AccessReviewsBase
{
    public const string ReviewNotFoundReason = "ACCESS_REVIEW_NOT_FOUND";
    public const string ItemNotFoundReason = "ACCESS_REVIEW_ITEM_NOT_FOUND";
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 500;

    [Authorize(Policy = PlatformIdentity.CredentialsWrite)]
    public override Task<OpenAccessReviewResponse> OpenAccessReview(OpenAccessReviewRequest request, ServerCallContext context) =>
        commands.RunAsync(request.RequestId, request, async ct =>
        {
            var agencies = request.AgencyIds.Select((a, i) => Ids.Parse(a, $"agency_ids[{i}]")).ToList();
            var now = time.GetStoredNow();
            var review = AccessReview.Open(request.Year, request.Quarter, agencies, request.Deadline, context.Caller(), now);
            if (await db.AccessReviews.AnyAsync(r => r.Year == review.Year && r.Quarter == review.Quarter, ct))
            {
                throw new DomainException(ErrorKind.AlreadyExists, AccessReview.ReviewExistsReason, "This quarter has its review already.");
            }
            db.AccessReviews.Add(review);
            // Every account active now is to be reviewed, in agency and username order.
            var accounts = await db.Accounts.AsNoTracking()
                .Where(a => a.Status == AccountStatus.Active && (agencies.Count == 0 || agencies.Contains(a.AgencyId)))
                .OrderBy(a => a.AgencyId).ThenBy(a => a.Username)
                .Select(a => new { a.Id, a.AgencyId })
                .ToListAsync(ct);
            db.AccessReviewItems.AddRange(accounts.Select(a => new AccessReviewItem(review.Id, a.Id, a.AgencyId)));
            await db.SaveChangesAsync(ct);
            return new OpenAccessReviewResponse { Review = await SummaryAsync(review, null, ct) };
        }, context.CancellationToken);

    [Authorize(Policy = PlatformIdentity.CredentialsRead)]
    public override async Task<ListAccessReviewsResponse> ListAccessReviews(ListAccessReviewsRequest request, ServerCallContext context)
    {
        var agency = context.Caller().AgencyToList(null);
        var reviews = await db.AccessReviews.AsNoTracking().OrderByDescending(r => r.OpenedAt).ToListAsync(context.CancellationToken);
        var response = new ListAccessReviewsResponse();
        foreach (var review in reviews.Where(r => agency is not { } own || r.Covers(own)))
        {
            response.Reviews.Add(await SummaryAsync(review, agency, context.CancellationToken));
        }
        return response;
    }

    [Authorize(Policy = PlatformIdentity.CredentialsRead)]
    public override async Task<ListAccessReviewItemsResponse> ListAccessReviewItems(ListAccessReviewItemsRequest request, ServerCallContext context)
    {
        var review = await ReviewAsync(request.ReviewId, context.CancellationToken);
        var agency = context.Caller().AgencyToList(request.AgencyId.Length == 0 ? null : Ids.Parse(request.AgencyId, "agency_id"));
        var size = Paging.Size(request.PageSize, DefaultPageSize, MaxPageSize);
        var after = Paging.Sequence(request.PageToken) ?? 0;
        var rows = await Lines(review.Id, agency, request.OnlyPending, after).Take(size + 1).ToListAsync(context.CancellationToken);
        var (page, next) = Paging.Page(rows, size, l => Paging.Token(l.Item.Id));
        var today = Continuum.DateOf(time.GetUtcNow());
        return new ListAccessReviewItemsResponse { Items = { page.Select(l => l.ToMessage(review, today)) }, NextPageToken = next };
    }

    [Authorize(Policy = PlatformIdentity.CredentialsWrite)]
    public override Task<DecideAccessReviewItemResponse> DecideAccessReviewItem(DecideAccessReviewItemRequest request, ServerCallContext context) =>
        commands.RunAsync(request.RequestId, request, async ct =>
        {
            var review = await ReviewAsync(request.ReviewId, ct);
            var accountId = Ids.Parse(request.AccountId, "account_id");
            var caller = context.Caller();
            var item = await db.AccessReviewItems.SingleOrDefaultAsync(i => i.ReviewId == review.Id && i.AccountId == accountId, ct);
            if (item is null || !(caller.IsHmisTeam || caller.IsAdministratorOf(item.AgencyId)))
            {
                throw DomainException.NotFound(ItemNotFoundReason, "No such account in this review.");
            }
            var account = await db.Accounts.SingleAsync(a => a.Id == accountId, ct);
            var wasRemoved = account.Status == AccountStatus.Removed;
            var now = time.GetStoredNow();
            if (item.Decide(request.Decision.ToDomain(), request.Reason, review, account, caller, now) && !wasRemoved && account.Status == AccountStatus.Removed)
            {
                db.Publish(account.AccessRemoved(now));
            }
            await db.SaveChangesAsync(ct);
            var line = await Lines(review.Id, null, onlyPending: false, account: accountId).SingleAsync(ct);
            return new DecideAccessReviewItemResponse { Item = line.ToMessage(review, Continuum.DateOf(now)) };
        }, context.CancellationToken);

    [Authorize(Policy = PlatformIdentity.CredentialsRead)]
    public override async Task ExportAccessReview(ExportAccessReviewRequest request, IServerStreamWriter<ExportAccessReviewResponse> responseStream, ServerCallContext context)
    {
        context.Caller().EnsureHmisTeam("exports access reviews");
        var review = await ReviewAsync(request.ReviewId, context.CancellationToken);
        var today = Continuum.DateOf(time.GetUtcNow());
        await foreach (var batch in Batches.Of(Lines(review.Id, null, onlyPending: false).AsAsyncEnumerable(), context.CancellationToken))
        {
            await responseStream.WriteAsync(new ExportAccessReviewResponse { Items = { batch.Select(l => l.ToMessage(review, today)) } }, context.CancellationToken);
        }
    }

    /// <summary>A review's lines with their accounts and people, in the order the review was opened.</summary>
    private IQueryable<ReviewLine> Lines(Guid reviewId, Guid? agency, bool onlyPending, long after = 0, Guid? account = null) =>
        from item in db.AccessReviewItems.AsNoTracking()
        where item.ReviewId == reviewId && (agency == null || item.AgencyId == agency) && (!onlyPending || item.Decision == ReviewDecision.Unspecified)
            && item.Id > after && (account == null || item.AccountId == account)
        join held in db.Accounts.AsNoTracking() on item.AccountId equals held.Id
        join applicant in db.Applicants.AsNoTracking()
            on new { held.PersonId, held.AccessRequestId } equals new { applicant.PersonId, applicant.AccessRequestId } into people
        from person in people.DefaultIfEmpty()
        orderby item.Id
        select new ReviewLine(item, held.Username, held.Email, held.ProjectTypes, held.LastActivityAt,
            person == null ? "" : person.GivenName + " " + person.FamilyName);

    private async Task<AccessReview> ReviewAsync(string id, CancellationToken cancellationToken)
    {
        var reviewId = Ids.Parse(id, "review_id");
        return await db.AccessReviews.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reviewId, cancellationToken)
            ?? throw DomainException.NotFound(ReviewNotFoundReason, "No such access review.");
    }

    private async Task<Hmis.Credentialing.V1.AccessReview> SummaryAsync(AccessReview review, Guid? agency, CancellationToken cancellationToken)
    {
        var counts = await db.AccessReviewItems.AsNoTracking()
            .Where(i => i.ReviewId == review.Id && (agency == null || i.AgencyId == agency))
            .GroupBy(i => i.Decision)
            .Select(g => new { Decision = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Of(ReviewDecision decision) => counts.SingleOrDefault(c => c.Decision == decision)?.Count ?? 0;
        return new Hmis.Credentialing.V1.AccessReview
        {
            Id = review.Id.ToString(), Year = review.Year, Quarter = review.Quarter, AgencyIds = { review.AgencyIds.Select(a => a.ToString()) },
            Deadline = review.Deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            OpenedAt = Timestamp.FromDateTimeOffset(review.OpenedAt), RemindedAt = review.RemindedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
            Accounts = counts.Sum(c => c.Count), Confirmed = Of(ReviewDecision.Confirmed), Removed = Of(ReviewDecision.Removed), Pending = Of(ReviewDecision.Unspecified),
        };
    }
}

/// <summary>One line of a review as it is read: the item and its account's facts.</summary>
internal sealed record ReviewLine(AccessReviewItem Item, string Username, string Email, List<ProjectType> ProjectTypes, DateTimeOffset? LastActivityAt, string FullName)
{
    public Hmis.Credentialing.V1.AccessReviewItem ToMessage(AccessReview review, DateOnly today) => new()
    {
        ReviewId = Item.ReviewId.ToString(), AccountId = Item.AccountId.ToString(), AgencyId = Item.AgencyId.ToString(), Username = Username, FullName = FullName.Trim(),
        Email = Email, ProjectTypes = { ProjectTypes.Select(p => p.ToContract()) },
        LastLoginAt = LastActivityAt is { } login ? Timestamp.FromDateTimeOffset(login) : null,
        Decision = Item.Decision.ToContract(), DecidedBy = Item.DecidedBy ?? "",
        DecidedAt = Item.DecidedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null, Reason = Item.Reason ?? "",
        Overdue = Item.Decision == ReviewDecision.Unspecified && review.IsOverdue(today),
    };
}
