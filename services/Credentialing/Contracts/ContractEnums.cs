using HmisPlatform.BuildingBlocks.Contracts;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Credentialing.Domain.Accounts;
using HmisPlatform.Credentialing.Domain.Credits;
using Common = Hmis.Common.V1;
using Contract = Hmis.Credentialing.V1;

namespace HmisPlatform.Credentialing.Contracts;

/// <summary>The domain's enums to and from the contracts', at the edge (RPCs and events).</summary>
internal static class ContractEnums
{
    public static ProjectType ToDomain(this Common.ProjectType value) => EnumMapping<Common.ProjectType, ProjectType>.ToDomain(value);

    public static Common.ProjectType ToContract(this ProjectType value) => EnumMapping<Common.ProjectType, ProjectType>.ToContract(value);

    public static List<ProjectType> ToDomain(this IEnumerable<Common.ProjectType> values) => [.. values.Select(ToDomain)];

    public static IEnumerable<Common.ProjectType> ToContract(this IEnumerable<ProjectType> values) => values.Select(ToContract);

    public static Responsibility ToDomain(this Common.Responsibility value) => EnumMapping<Common.Responsibility, Responsibility>.ToDomain(value);

    public static Common.Responsibility ToContract(this Responsibility value) => EnumMapping<Common.Responsibility, Responsibility>.ToContract(value);

    public static List<Responsibility> ToDomain(this IEnumerable<Common.Responsibility> values) => [.. values.Select(ToDomain)];

    public static IEnumerable<Common.Responsibility> ToContract(this IEnumerable<Responsibility> values) => values.Select(ToContract);

    public static AccountStatus ToDomain(this Contract.AccountStatus value) => EnumMapping<Contract.AccountStatus, AccountStatus>.ToDomain(value);

    public static Contract.AccountStatus ToContract(this AccountStatus value) => EnumMapping<Contract.AccountStatus, AccountStatus>.ToContract(value);

    public static Contract.AccountRoute ToContract(this AccountRoute value) => EnumMapping<Contract.AccountRoute, AccountRoute>.ToContract(value);

    public static RemovalReason ToDomain(this Contract.RemovalReason value) => EnumMapping<Contract.RemovalReason, RemovalReason>.ToDomain(value);

    public static Contract.RemovalReason ToContract(this RemovalReason value) => EnumMapping<Contract.RemovalReason, RemovalReason>.ToContract(value);

    public static CreditEntryKind ToDomain(this Contract.CreditEntryKind value) => EnumMapping<Contract.CreditEntryKind, CreditEntryKind>.ToDomain(value);

    public static Contract.CreditEntryKind ToContract(this CreditEntryKind value) => EnumMapping<Contract.CreditEntryKind, CreditEntryKind>.ToContract(value);

    public static Contract.ReservationStatus ToContract(this ReservationStatus value) => EnumMapping<Contract.ReservationStatus, ReservationStatus>.ToContract(value);

    /// <summary>The members either side has without a pair, for the test that keeps both sides equal.</summary>
    public static IEnumerable<string> Unpaired() =>
    [
        .. EnumMapping<Common.ProjectType, ProjectType>.Unpaired(),
        .. EnumMapping<Common.Responsibility, Responsibility>.Unpaired(),
        .. EnumMapping<Contract.AccountStatus, AccountStatus>.Unpaired(),
        .. EnumMapping<Contract.AccountRoute, AccountRoute>.Unpaired(),
        .. EnumMapping<Contract.RemovalReason, RemovalReason>.Unpaired(),
        .. EnumMapping<Contract.CreditEntryKind, CreditEntryKind>.Unpaired(),
        .. EnumMapping<Contract.ReservationStatus, ReservationStatus>.Unpaired(),
    ];
}
