using HmisPlatform.BuildingBlocks.Contracts;
using HmisPlatform.Credentialing.Domain.Accounts;
using HmisPlatform.Credentialing.Domain.Credits;
using HmisPlatform.Credentialing.Domain.Reviews;
using Contract = Hmis.Credentialing.V1;

namespace HmisPlatform.Credentialing.Contracts;

/// <summary>
/// The service's own enums to and from the contracts', at the edge (RPCs and events); the Continuum's shared ones
/// (project types, responsibilities) map in BuildingBlocks' <see cref="CommonEnums"/>.
/// </summary>
internal static class ContractEnums
{
    public static AccountStatus ToDomain(this Contract.AccountStatus value) => EnumMapping<Contract.AccountStatus, AccountStatus>.ToDomain(value);

    public static Contract.AccountStatus ToContract(this AccountStatus value) => EnumMapping<Contract.AccountStatus, AccountStatus>.ToContract(value);

    public static Contract.AccountRoute ToContract(this AccountRoute value) => EnumMapping<Contract.AccountRoute, AccountRoute>.ToContract(value);

    public static RemovalReason ToDomain(this Contract.RemovalReason value) => EnumMapping<Contract.RemovalReason, RemovalReason>.ToDomain(value);

    public static Contract.RemovalReason ToContract(this RemovalReason value) => EnumMapping<Contract.RemovalReason, RemovalReason>.ToContract(value);

    public static CreditEntryKind ToDomain(this Contract.CreditEntryKind value) => EnumMapping<Contract.CreditEntryKind, CreditEntryKind>.ToDomain(value);

    public static Contract.CreditEntryKind ToContract(this CreditEntryKind value) => EnumMapping<Contract.CreditEntryKind, CreditEntryKind>.ToContract(value);

    public static Contract.ReservationStatus ToContract(this ReservationStatus value) => EnumMapping<Contract.ReservationStatus, ReservationStatus>.ToContract(value);

    public static ReviewDecision ToDomain(this Contract.ReviewDecision value) => EnumMapping<Contract.ReviewDecision, ReviewDecision>.ToDomain(value);

    public static Contract.ReviewDecision ToContract(this ReviewDecision value) => EnumMapping<Contract.ReviewDecision, ReviewDecision>.ToContract(value);

    /// <summary>The members either side has without a pair, for the test that keeps both sides equal.</summary>
    public static IEnumerable<string> Unpaired() =>
    [
        .. EnumMapping<Contract.AccountStatus, AccountStatus>.Unpaired(),
        .. EnumMapping<Contract.AccountRoute, AccountRoute>.Unpaired(),
        .. EnumMapping<Contract.RemovalReason, RemovalReason>.Unpaired(),
        .. EnumMapping<Contract.CreditEntryKind, CreditEntryKind>.Unpaired(),
        .. EnumMapping<Contract.ReservationStatus, ReservationStatus>.Unpaired(),
        .. EnumMapping<Contract.ReviewDecision, ReviewDecision>.Unpaired(),
    ];
}
