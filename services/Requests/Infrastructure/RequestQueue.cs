using HmisPlatform.Requests.Domain.AccessRequests;
using Microsoft.EntityFrameworkCore;
using AccessRequest = HmisPlatform.Requests.Domain.AccessRequests.AccessRequest;

namespace HmisPlatform.Requests.Infrastructure;

/// <summary>What a queue listing asks for; null filters are not applied.</summary>
public sealed record QueueFilter(IReadOnlyList<AccessRequestStatus> Statuses, RequestType? Type, Guid? AgencyId, bool CeBusinessOnly);

/// <summary>
/// The queue listing as one query, oldest first and a keyset page at a time, so each filter is served by an index
/// in submission order: (status, submitted_at, id), with type or agency in front where they are given.
/// </summary>
public static class RequestQueue
{
    public static IQueryable<AccessRequest> Page(this IQueryable<AccessRequest> requests, QueueFilter filter, (DateTimeOffset At, Guid Id)? after, int size,
        bool newestFirst = false)
    {
        var query = requests.Matching(filter);
        if (after is { } page)
        {
            query = newestFirst
                ? query.Where(r => EF.Functions.LessThan(ValueTuple.Create(r.SubmittedAt, r.Id), ValueTuple.Create(page.At, page.Id)))
                : query.Where(r => EF.Functions.GreaterThan(ValueTuple.Create(r.SubmittedAt, r.Id), ValueTuple.Create(page.At, page.Id)));
        }
        // Newest first reads the same indexes backwards.
        return (newestFirst
            ? query.OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id)
            : query.OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id)).Take(size);
    }

    /// <summary>How many requests of the queue there are by status and form (the filter's form is not applied), from the (status, type, ...) index.</summary>
    public static IQueryable<QueueCount> Counts(this IQueryable<AccessRequest> requests, QueueFilter filter) =>
        requests.Matching(filter with { Type = null })
            .GroupBy(r => new { r.Status, r.Type })
            .Select(g => new QueueCount(g.Key.Status, g.Key.Type, g.Count()));

    private static IQueryable<AccessRequest> Matching(this IQueryable<AccessRequest> requests, QueueFilter filter)
    {
        var query = requests;
        if (filter.AgencyId is { } agencyId)
        {
            query = query.Where(r => r.AgencyId == agencyId);
        }
        if (filter.CeBusinessOnly)
        {
            query = query.Where(AccessRequest.CeBusiness);
        }
        var statuses = filter.Statuses;
        // One status compares for equality, so its index gives the page in order without sorting.
        query = statuses.Count == 1 ? query.Where(r => r.Status == statuses[0]) : query.Where(r => statuses.Contains(r.Status));
        if (filter.Type is { } type)
        {
            query = query.Where(r => r.Type == type);
        }
        return query;
    }
}

/// <summary>How many requests have one status on one form.</summary>
public sealed record QueueCount(AccessRequestStatus Status, RequestType Type, int Count);
