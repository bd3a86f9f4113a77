using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Requests.Domain.Agencies;
using HmisPlatform.Requests.Domain.Journeys;
using HmisPlatform.Requests.Domain.People;

namespace HmisPlatform.Requests.Domain.AccessRequests;

/// <summary>
/// How a person reaches step 4: the transfer path and the project types whose course they must take. Users with
/// access in the CoC (current, or active within the months) keep what they had: same project types is a full
/// transfer with no training; new types need only their project course. Housing (PSH/RRH), Outreach and PATH-funded
/// projects always need their own course.
/// </summary>
public sealed record TransferPlan(TransferPath Path, IReadOnlyList<ProjectType> ProjectTypesToTrain)
{
    public static IReadOnlySet<ProjectType> AlwaysOwnCourse { get; } = new HashSet<ProjectType>
    {
        ProjectType.HousingPshRrhFamilies, ProjectType.HousingPshRrhSingles, ProjectType.OutreachPath,
    };

    public static TransferPlan FullTraining(RequestedAccess access) => new(TransferPath.FullTraining, access.ProjectTypes);

    /// <summary>
    /// Current users of the agency adding projects: the same for everyone on the request. Only Housing, Outreach and
    /// PATH-funded projects need their course; otherwise the account is extended with no training.
    /// </summary>
    public static TransferPlan ForNewProjects(RequestedAccess access)
    {
        var toTrain = access.ProjectTypes.Where(AlwaysOwnCourse.Contains).ToList();
        return toTrain.Count == 0 ? new TransferPlan(TransferPath.FullTransfer, []) : new TransferPlan(TransferPath.ProjectCourseOnly, toTrain);
    }

    public static TransferPlan For(PersonHistory history, RequestedAccess access, int recentMonths, DateTimeOffset now)
    {
        var previous = history.TransferableProjectTypes(recentMonths, now);
        var toTrain = access.ProjectTypes.Where(t => !previous.Contains(t) || AlwaysOwnCourse.Contains(t)).ToList();
        return toTrain.Count == 0
            ? new TransferPlan(TransferPath.FullTransfer, [])
            : new TransferPlan(TransferPath.ProjectCourseOnly, toTrain);
    }
}
