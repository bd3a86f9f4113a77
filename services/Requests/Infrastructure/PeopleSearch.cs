using HmisPlatform.Requests.Domain.AccessRequests;
using HmisPlatform.Requests.Domain.People;
using Microsoft.EntityFrameworkCore;
using AccessRequest = HmisPlatform.Requests.Domain.AccessRequests.AccessRequest;

namespace HmisPlatform.Requests.Infrastructure;

/// <summary>One person as one request named them.</summary>
public sealed record PersonOnRequest(
    Guid PersonId, string GivenName, string FamilyName, string Email, Guid AgencyId, Guid AccessRequestId, RequestType Type,
    AccessRequestStatus Status, DateTimeOffset SubmittedAt);

/// <summary>
/// The person tracker's search as one query over the people named on requests, newest request first, a keyset page
/// at a time on (submitted_at, person_id). Each of the three patterns has its own trigram index
/// (ix_requested_users_search_trgm, in the PeopleSearchTrigrams migration), which holds the very expressions compared
/// here: change one and change the other.
/// </summary>
public static class PeopleSearch
{
    public static IQueryable<PersonOnRequest> Search(this IQueryable<AccessRequest> requests, PersonSearch search, Guid? agencyId, bool ceBusinessOnly,
        (DateTimeOffset At, Guid Id)? after, int size)
    {
        var query = agencyId is { } agency ? requests.Where(r => r.AgencyId == agency) : requests;
        query = ceBusinessOnly ? query.Where(AccessRequest.CeBusiness) : query;
        var named = query.SelectMany(r => r.Users, (r, u) => new { Request = r, User = u })
            .Where(x => EF.Functions.ILike(x.User.GivenName + " " + x.User.FamilyName, search.Pattern, "\\")
                || EF.Functions.ILike(x.User.FamilyName + " " + x.User.GivenName, search.Pattern, "\\")
                || EF.Functions.ILike(x.User.Email, search.Pattern, "\\"));
        if (after is { } page)
        {
            named = named.Where(x => EF.Functions.LessThan(ValueTuple.Create(x.Request.SubmittedAt, x.User.PersonId), ValueTuple.Create(page.At, page.Id)));
        }
        return named.OrderByDescending(x => x.Request.SubmittedAt).ThenByDescending(x => x.User.PersonId).Take(size)
            .Select(x => new PersonOnRequest(x.User.PersonId, x.User.GivenName, x.User.FamilyName, x.User.Email, x.Request.AgencyId, x.Request.Id,
                x.Request.Type, x.Request.Status, x.Request.SubmittedAt));
    }
}
