using HmisPlatform.BuildingBlocks.Contracts;
using HmisPlatform.Requests.Domain.AccessRequests;
using HmisPlatform.Requests.Domain.Agencies;
using HmisPlatform.Requests.Domain.Journeys;
using Contract = Hmis.Requests.V1;

namespace HmisPlatform.Requests.Contracts;

/// <summary>
/// The service's own enums to and from the contracts', at the edge (RPCs and events); the Continuum's shared ones
/// (project types, responsibilities) map in BuildingBlocks' <see cref="CommonEnums"/>.
/// </summary>
internal static class ContractEnums
{
    public static RequestType ToDomain(this Contract.RequestType value) => EnumMapping<Contract.RequestType, RequestType>.ToDomain(value);

    public static Contract.RequestType ToContract(this RequestType value) => EnumMapping<Contract.RequestType, RequestType>.ToContract(value);

    public static AccessRequestStatus ToDomain(this Contract.AccessRequestStatus value) => EnumMapping<Contract.AccessRequestStatus, AccessRequestStatus>.ToDomain(value);

    public static Contract.AccessRequestStatus ToContract(this AccessRequestStatus value) => EnumMapping<Contract.AccessRequestStatus, AccessRequestStatus>.ToContract(value);

    public static List<AccessRequestStatus> ToDomain(this IEnumerable<Contract.AccessRequestStatus> values) => [.. values.Select(ToDomain)];

    public static IEnumerable<Contract.AccessRequestStatus> ToContract(this IEnumerable<AccessRequestStatus> values) => values.Select(ToContract);

    public static TransferPath ToDomain(this Contract.TransferPath value) => EnumMapping<Contract.TransferPath, TransferPath>.ToDomain(value);

    public static Contract.TransferPath ToContract(this TransferPath value) => EnumMapping<Contract.TransferPath, TransferPath>.ToContract(value);

    public static WaitingOn ToDomain(this Contract.WaitingOn value) => EnumMapping<Contract.WaitingOn, WaitingOn>.ToDomain(value);

    public static Contract.WaitingOn ToContract(this WaitingOn value) => EnumMapping<Contract.WaitingOn, WaitingOn>.ToContract(value);

    public static ReviewOutcome ToDomain(this Contract.ReviewOutcome value) => EnumMapping<Contract.ReviewOutcome, ReviewOutcome>.ToDomain(value);

    public static Contract.ReviewOutcome ToContract(this ReviewOutcome value) => EnumMapping<Contract.ReviewOutcome, ReviewOutcome>.ToContract(value);

    public static CeDecision ToDomain(this Contract.CeDecision value) => EnumMapping<Contract.CeDecision, CeDecision>.ToDomain(value);

    public static Contract.CeDecision ToContract(this CeDecision value) => EnumMapping<Contract.CeDecision, CeDecision>.ToContract(value);

    public static JourneyStage ToDomain(this Contract.JourneyStage value) => EnumMapping<Contract.JourneyStage, JourneyStage>.ToDomain(value);

    public static Contract.JourneyStage ToContract(this JourneyStage value) => EnumMapping<Contract.JourneyStage, JourneyStage>.ToContract(value);

    public static List<JourneyStage> ToDomain(this IEnumerable<Contract.JourneyStage> values) => [.. values.Select(ToDomain)];

    public static IEnumerable<Contract.JourneyStage> ToContract(this IEnumerable<JourneyStage> values) => values.Select(ToContract);

    public static AdministratorRole ToDomain(this Contract.AdministratorRole value) => EnumMapping<Contract.AdministratorRole, AdministratorRole>.ToDomain(value);

    public static Contract.AdministratorRole ToContract(this AdministratorRole value) => EnumMapping<Contract.AdministratorRole, AdministratorRole>.ToContract(value);

    public static AtaTrainingKind ToDomain(this Contract.AtaTrainingKind value) => EnumMapping<Contract.AtaTrainingKind, AtaTrainingKind>.ToDomain(value);

    public static Contract.AtaTrainingKind ToContract(this AtaTrainingKind value) => EnumMapping<Contract.AtaTrainingKind, AtaTrainingKind>.ToContract(value);

    public static AtaCompliance ToDomain(this Contract.AtaCompliance value) => EnumMapping<Contract.AtaCompliance, AtaCompliance>.ToDomain(value);

    public static Contract.AtaCompliance ToContract(this AtaCompliance value) => EnumMapping<Contract.AtaCompliance, AtaCompliance>.ToContract(value);

    /// <summary>The members either side has without a pair, for the test that keeps both sides equal.</summary>
    public static IEnumerable<string> Unpaired() =>
    [
        .. EnumMapping<Contract.RequestType, RequestType>.Unpaired(),
        .. EnumMapping<Contract.AccessRequestStatus, AccessRequestStatus>.Unpaired(),
        .. EnumMapping<Contract.TransferPath, TransferPath>.Unpaired(),
        .. EnumMapping<Contract.WaitingOn, WaitingOn>.Unpaired(),
        .. EnumMapping<Contract.ReviewOutcome, ReviewOutcome>.Unpaired(),
        .. EnumMapping<Contract.CeDecision, CeDecision>.Unpaired(),
        .. EnumMapping<Contract.JourneyStage, JourneyStage>.Unpaired(),
        .. EnumMapping<Contract.AdministratorRole, AdministratorRole>.Unpaired(),
        .. EnumMapping<Contract.AtaTrainingKind, AtaTrainingKind>.Unpaired(),
        .. EnumMapping<Contract.AtaCompliance, AtaCompliance>.Unpaired(),
    ];
}
