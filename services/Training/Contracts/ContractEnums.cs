using HmisPlatform.BuildingBlocks.Contracts;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Training.Domain.Catalog;
using HmisPlatform.Training.Domain.LmsAccounts;
using Common = Hmis.Common.V1;
using Contract = Hmis.Training.V1;

namespace HmisPlatform.Training.Contracts;

/// <summary>The domain's enums to and from the contracts', at the edge (RPCs and events).</summary>
internal static class ContractEnums
{
    public static ProjectType ToDomain(this Common.ProjectType value) => EnumMapping<Common.ProjectType, ProjectType>.ToDomain(value);

    public static Common.ProjectType ToContract(this ProjectType value) => EnumMapping<Common.ProjectType, ProjectType>.ToContract(value);

    public static Responsibility ToDomain(this Common.Responsibility value) => EnumMapping<Common.Responsibility, Responsibility>.ToDomain(value);

    public static Common.Responsibility ToContract(this Responsibility value) => EnumMapping<Common.Responsibility, Responsibility>.ToContract(value);

    public static List<ProjectType> ToDomain(this IEnumerable<Common.ProjectType> values) => [.. values.Select(ToDomain)];

    public static List<Responsibility> ToDomain(this IEnumerable<Common.Responsibility> values) => [.. values.Select(ToDomain)];

    public static IEnumerable<Common.ProjectType> ToContract(this IEnumerable<ProjectType> values) => values.Select(ToContract);

    public static Contract.CourseKind ToContract(this CourseKind value) => EnumMapping<Contract.CourseKind, CourseKind>.ToContract(value);

    public static Contract.LmsAccountStatus ToContract(this LmsAccountStatus value) => EnumMapping<Contract.LmsAccountStatus, LmsAccountStatus>.ToContract(value);

    /// <summary>Every pair, for the test that keeps both sides equal.</summary>
    public static IEnumerable<string> Unpaired() =>
    [
        .. EnumMapping<Common.ProjectType, ProjectType>.Unpaired(),
        .. EnumMapping<Common.Responsibility, Responsibility>.Unpaired(),
        .. EnumMapping<Contract.CourseKind, CourseKind>.Unpaired(),
        .. EnumMapping<Contract.LmsAccountStatus, LmsAccountStatus>.Unpaired(),
    ];
}
