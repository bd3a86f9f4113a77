using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Requests.Domain.AccessRequests;

/// <summary>The responsibilities and project types a request asks for, the same for every user on it.</summary>
public sealed record RequestedAccess(IReadOnlyList<Responsibility> Responsibilities, IReadOnlyList<ProjectType> ProjectTypes)
{
    public const string AccessRequiredReason = "ACCESS_REQUIRED";
    public const string HousingPopulationReason = "HOUSING_FAMILIES_OR_SINGLES";

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
        if (violations.Count > 0)
        {
            throw DomainException.Invalid(AccessRequiredReason, "A request must name the access it needs.", [.. violations]);
        }
        // The PSH/RRH bundle is taken for the population the user serves: Families or Singles, never both.
        if (p.Contains(ProjectType.HousingPshRrhFamilies) && p.Contains(ProjectType.HousingPshRrhSingles))
        {
            throw DomainException.Invalid(HousingPopulationReason, "The PSH/RRH course is Families or Singles, the one that fits the population served.",
                new FieldViolation("access.project_types", "PSH/RRH Families or Singles, not both", HousingPopulationReason));
        }
        return new RequestedAccess(r, p);
    }

    public bool IsReadOnly => Responsibilities.Count == 1 && Responsibilities[0] == Responsibility.ReadOnly;
}
