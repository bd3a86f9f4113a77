using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Requests.Domain.Agencies;
using HmisPlatform.Requests.Domain.Journeys;
using HmisPlatform.Requests.Domain.People;

namespace HmisPlatform.Requests.Domain.AccessRequests;

/// <summary>
/// Which of the four forms fits a person, from their accounts in the CoC. A request on the wrong form is refused
/// with the form that applies, never silently fixed.
/// </summary>
public static class RequestForms
{
    public const string WrongRequestTypeReason = "WRONG_REQUEST_TYPE";
    public const string ProjectAlreadyGrantedReason = "PROJECT_ALREADY_GRANTED";

    /// <summary>The form this person needs for this access at this agency (HRS / 1474 for new and current users alike).</summary>
    public static RequestType FormFor(PersonHistory history, Guid agencyId, RequestedAccess access, int recentMonths, DateTimeOffset now)
    {
        if (access.ProjectTypes.Contains(ProjectType.CoordinatedEntry1474))
        {
            return RequestType.HrsCe1474;
        }
        if (history.ActiveAccountAt(agencyId) is not null)
        {
            return RequestType.NewProjectAccess;
        }
        if (history.MayTransfer(recentMonths, now))
        {
            return RequestType.ReturningUser;
        }
        return RequestType.NewAgencyUsers;
    }

    /// <summary>The violation of one user on the wrong form, or none.</summary>
    public static (FieldViolation Field, PreconditionViolation Precondition)? Check(
        RequestType submitted, PersonHistory history, Guid agencyId, RequestedAccess access, int recentMonths, DateTimeOffset now, int userIndex)
    {
        var form = FormFor(history, agencyId, access, recentMonths, now);
        if (form == submitted)
        {
            return null;
        }
        var name = EnumNames.Prefixed(form);
        return (new FieldViolation($"users[{userIndex}]", $"this person needs the {name} form", WrongRequestTypeReason),
            new PreconditionViolation(name, $"users/{userIndex}", Why(form, recentMonths)));
    }

    /// <summary>NEW_PROJECT_ACCESS adds projects: those the person's account here has already are refused.</summary>
    public static void EnsureNewProjects(PersonHistory history, Guid agencyId, RequestedAccess access, int userIndex = 0)
    {
        var account = history.ActiveAccountAt(agencyId);
        if (account is null)
        {
            return;
        }
        var violations = access.ProjectTypes
            .Select((type, i) => (type, i))
            .Where(p => account.ProjectTypes.Contains(p.type))
            .Select(p => new FieldViolation($"access.project_types[{p.i}]", $"the account here of users[{userIndex}] has this project type already", ProjectAlreadyGrantedReason))
            .ToArray();
        if (violations.Length > 0)
        {
            throw DomainException.Invalid(ProjectAlreadyGrantedReason, "NEW_PROJECT_ACCESS is for projects the user does not have yet.", violations);
        }
    }

    /// <summary>The form for a person, why, and the rules of that form an ATA should know before submitting.</summary>
    public static FormAdvice Advise(PersonHistory history, Guid agencyId, RequestedAccess access, AccessRequestRules rules, DateTimeOffset now)
    {
        var form = FormFor(history, agencyId, access, rules.RecentActivityMonths, now);
        IReadOnlyList<string> formRules = form switch
        {
            RequestType.NewAgencyUsers =>
            [
                $"Up to {rules.MaxBundleSize} new users who need the same access may share one request.",
                "Each user takes the full learning path, then the Sample Client Assignment.",
            ],
            RequestType.ReturningUser =>
            [
                "One user per request.",
                "Courses completed within their validity carry over; a full transfer skips training.",
            ],
            RequestType.NewProjectAccess =>
            [
                "Current users of this agency who need the same new projects may share one request.",
                "Only project types their accounts here do not have yet. Housing, Outreach and PATH-funded projects need their course; the account is extended, no new credit.",
            ],
            _ =>
            [
                "The CE team approves the request before a license credit is used.",
                "Coordinated Entry 1474 access is always requested on this form.",
            ],
        };
        return new FormAdvice(form, Why(form, rules.RecentActivityMonths), formRules);
    }

    private static string Why(RequestType form, int recentMonths) => form switch
    {
        RequestType.NewProjectAccess => "the person has an active account at this agency",
        RequestType.ReturningUser => $"the person has current access in the CoC or was active within {recentMonths} months",
        RequestType.HrsCe1474 => "Coordinated Entry 1474 access is requested on the HRS / CE form",
        _ => $"the person has no current access and was not active within {recentMonths} months",
    };
}

/// <summary>The form that fits a person, why, and what the ATA should know of it.</summary>
public sealed record FormAdvice(RequestType Type, string Reason, IReadOnlyList<string> Rules);
