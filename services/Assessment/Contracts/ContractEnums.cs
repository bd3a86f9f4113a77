using HmisPlatform.Assessment.Domain.Assignments;
using HmisPlatform.Assessment.Domain.Grading;
using HmisPlatform.Assessment.Domain.Records;
using HmisPlatform.Assessment.Domain.Trainings;
using HmisPlatform.BuildingBlocks.Contracts;
using Contract = Hmis.Assessment.V1;
using Events = Hmis.Events.V1;

namespace HmisPlatform.Assessment.Contracts;

/// <summary>
/// The service's own enums to and from the contracts', at the edge (RPCs and events); the Continuum's shared ones
/// (project types, responsibilities) map in BuildingBlocks' <see cref="CommonEnums"/>.
/// </summary>
internal static class ContractEnums
{
    public static AssignmentStatus ToDomain(this Contract.AssignmentStatus value) => EnumMapping<Contract.AssignmentStatus, AssignmentStatus>.ToDomain(value);

    public static Contract.AssignmentStatus ToContract(this AssignmentStatus value) => EnumMapping<Contract.AssignmentStatus, AssignmentStatus>.ToContract(value);

    public static AttemptOutcome ToDomain(this Contract.AttemptOutcome value) => EnumMapping<Contract.AttemptOutcome, AttemptOutcome>.ToDomain(value);

    public static Contract.AttemptOutcome ToContract(this AttemptOutcome value) => EnumMapping<Contract.AttemptOutcome, AttemptOutcome>.ToContract(value);

    public static FindingSeverity ToDomain(this Contract.FindingSeverity value) => EnumMapping<Contract.FindingSeverity, FindingSeverity>.ToDomain(value);

    public static Contract.FindingSeverity ToContract(this FindingSeverity value) => EnumMapping<Contract.FindingSeverity, FindingSeverity>.ToContract(value);

    public static DataQuality ToDomain(this Contract.DataQuality value) => EnumMapping<Contract.DataQuality, DataQuality>.ToDomain(value);

    public static Contract.DataQuality ToContract(this DataQuality value) => EnumMapping<Contract.DataQuality, DataQuality>.ToContract(value);

    public static YesNo ToDomain(this Contract.YesNo value) => EnumMapping<Contract.YesNo, YesNo>.ToDomain(value);

    public static Contract.YesNo ToContract(this YesNo value) => EnumMapping<Contract.YesNo, YesNo>.ToContract(value);

    public static Race ToDomain(this Contract.Race value) => EnumMapping<Contract.Race, Race>.ToDomain(value);

    public static Contract.Race ToContract(this Race value) => EnumMapping<Contract.Race, Race>.ToContract(value);

    public static List<Race> ToDomain(this IEnumerable<Contract.Race> values) => [.. values.Select(ToDomain)];

    public static IEnumerable<Contract.Race> ToContract(this IEnumerable<Race> values) => values.Select(ToContract);

    public static Gender ToDomain(this Contract.Gender value) => EnumMapping<Contract.Gender, Gender>.ToDomain(value);

    public static Contract.Gender ToContract(this Gender value) => EnumMapping<Contract.Gender, Gender>.ToContract(value);

    public static List<Gender> ToDomain(this IEnumerable<Contract.Gender> values) => [.. values.Select(ToDomain)];

    public static IEnumerable<Contract.Gender> ToContract(this IEnumerable<Gender> values) => values.Select(ToContract);

    public static RelationshipToHead ToDomain(this Contract.RelationshipToHead value) => EnumMapping<Contract.RelationshipToHead, RelationshipToHead>.ToDomain(value);

    public static Contract.RelationshipToHead ToContract(this RelationshipToHead value) => EnumMapping<Contract.RelationshipToHead, RelationshipToHead>.ToContract(value);

    public static AssessmentStage ToDomain(this Contract.AssessmentStage value) => EnumMapping<Contract.AssessmentStage, AssessmentStage>.ToDomain(value);

    public static Contract.AssessmentStage ToContract(this AssessmentStage value) => EnumMapping<Contract.AssessmentStage, AssessmentStage>.ToContract(value);

    public static LivingSituation ToDomain(this Contract.LivingSituation value) => EnumMapping<Contract.LivingSituation, LivingSituation>.ToDomain(value);

    public static Contract.LivingSituation ToContract(this LivingSituation value) => EnumMapping<Contract.LivingSituation, LivingSituation>.ToContract(value);

    public static ExitReason ToDomain(this Contract.ExitReason value) => EnumMapping<Contract.ExitReason, ExitReason>.ToDomain(value);

    public static Contract.ExitReason ToContract(this ExitReason value) => EnumMapping<Contract.ExitReason, ExitReason>.ToContract(value);

    public static SubAssessmentKind ToDomain(this Contract.SubAssessmentKind value) => EnumMapping<Contract.SubAssessmentKind, SubAssessmentKind>.ToDomain(value);

    public static Contract.SubAssessmentKind ToContract(this SubAssessmentKind value) => EnumMapping<Contract.SubAssessmentKind, SubAssessmentKind>.ToContract(value);

    public static BenefitSource ToDomain(this Contract.BenefitSource value) => EnumMapping<Contract.BenefitSource, BenefitSource>.ToDomain(value);

    public static Contract.BenefitSource ToContract(this BenefitSource value) => EnumMapping<Contract.BenefitSource, BenefitSource>.ToContract(value);

    public static ServiceType ToDomain(this Contract.ServiceType value) => EnumMapping<Contract.ServiceType, ServiceType>.ToDomain(value);

    public static Contract.ServiceType ToContract(this ServiceType value) => EnumMapping<Contract.ServiceType, ServiceType>.ToContract(value);

    public static CompletedCourseKind ToDomain(this Events.CompletedCourseKind value) => EnumMapping<Events.CompletedCourseKind, CompletedCourseKind>.ToDomain(value);

    public static Events.CompletedCourseKind ToContract(this CompletedCourseKind value) => EnumMapping<Events.CompletedCourseKind, CompletedCourseKind>.ToContract(value);

    /// <summary>The members either side has without a pair, for the test that keeps both sides equal.</summary>
    public static IEnumerable<string> Unpaired() =>
    [
        .. EnumMapping<Contract.AssignmentStatus, AssignmentStatus>.Unpaired(),
        .. EnumMapping<Contract.AttemptOutcome, AttemptOutcome>.Unpaired(),
        .. EnumMapping<Contract.FindingSeverity, FindingSeverity>.Unpaired(),
        .. EnumMapping<Contract.DataQuality, DataQuality>.Unpaired(),
        .. EnumMapping<Contract.YesNo, YesNo>.Unpaired(),
        .. EnumMapping<Contract.Race, Race>.Unpaired(),
        .. EnumMapping<Contract.Gender, Gender>.Unpaired(),
        .. EnumMapping<Contract.RelationshipToHead, RelationshipToHead>.Unpaired(),
        .. EnumMapping<Contract.AssessmentStage, AssessmentStage>.Unpaired(),
        .. EnumMapping<Contract.LivingSituation, LivingSituation>.Unpaired(),
        .. EnumMapping<Contract.ExitReason, ExitReason>.Unpaired(),
        .. EnumMapping<Contract.SubAssessmentKind, SubAssessmentKind>.Unpaired(),
        .. EnumMapping<Contract.BenefitSource, BenefitSource>.Unpaired(),
        .. EnumMapping<Contract.ServiceType, ServiceType>.Unpaired(),
        .. EnumMapping<Events.CompletedCourseKind, CompletedCourseKind>.Unpaired(),
    ];
}
