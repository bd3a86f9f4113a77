using HmisPlatform.BuildingBlocks.Domain;
using Contract = Hmis.Common.V1;

namespace HmisPlatform.BuildingBlocks.Contracts;

/// <summary>The Continuum's shared enums (project types, responsibilities) to and from the contracts', at every service's edge.</summary>
public static class CommonEnums
{
    public static ProjectType ToDomain(this Contract.ProjectType value) => EnumMapping<Contract.ProjectType, ProjectType>.ToDomain(value);

    public static Contract.ProjectType ToContract(this ProjectType value) => EnumMapping<Contract.ProjectType, ProjectType>.ToContract(value);

    public static List<ProjectType> ToDomain(this IEnumerable<Contract.ProjectType> values) => [.. values.Select(ToDomain)];

    public static IEnumerable<Contract.ProjectType> ToContract(this IEnumerable<ProjectType> values) => values.Select(ToContract);

    public static Responsibility ToDomain(this Contract.Responsibility value) => EnumMapping<Contract.Responsibility, Responsibility>.ToDomain(value);

    public static Contract.Responsibility ToContract(this Responsibility value) => EnumMapping<Contract.Responsibility, Responsibility>.ToContract(value);

    public static List<Responsibility> ToDomain(this IEnumerable<Contract.Responsibility> values) => [.. values.Select(ToDomain)];

    public static IEnumerable<Contract.Responsibility> ToContract(this IEnumerable<Responsibility> values) => values.Select(ToContract);

    /// <summary>The members either side has without a pair, for the test that keeps both sides equal.</summary>
    public static IEnumerable<string> Unpaired() =>
    [
        .. EnumMapping<Contract.ProjectType, ProjectType>.Unpaired(),
        .. EnumMapping<Contract.Responsibility, Responsibility>.Unpaired(),
    ];
}
