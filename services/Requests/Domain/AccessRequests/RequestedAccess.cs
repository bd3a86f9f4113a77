using Hmis.Common.V1;
using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Requests.Domain.AccessRequests;

/// <summary>The responsibilities and project types a request asks for, the same for every user on it.</summary>
public sealed record RequestedAccess(IReadOnlyList<Responsibility> Responsibilities, IReadOnlyList<ProjectType> ProjectTypes)
{
    public const string AccessRequiredReason = "ACCESS_REQUIRED";

    public static RequestedAccess Create(IEnumerable<Responsibility> responsibilities, IEnumerable<ProjectType> projectTypes)
    {
        var r = responsibilities.Distinct().ToList();
        var p = projectTypes.Distinct().ToList();
        var violations = new List<FieldViolation>();
        if (r.Count == 0 || r.Contains(Responsibility.Unspecified))
        {
            violations.Add(new FieldViolation("access.responsibilities", "name at least one responsibility, none unspecified", AccessRequiredReason));
        }
        if (p.Count == 0 || p.Contains(ProjectType.Unspecified))
        {
            violations.Add(new FieldViolation("access.project_types", "name at least one project type, none unspecified", AccessRequiredReason));
        }
        return violations.Count == 0
            ? new RequestedAccess(r, p)
            : throw DomainException.Invalid(AccessRequiredReason, "A request must name the access it needs.", [.. violations]);
    }
}
