using HmisPlatform.BuildingBlocks.Contracts;
using HmisPlatform.Training.Domain.Catalog;
using HmisPlatform.Training.Domain.LmsAccounts;
using Contract = Hmis.Training.V1;

namespace HmisPlatform.Training.Contracts;

/// <summary>
/// The service's own enums to and from the contracts', at the edge (RPCs and events); the Continuum's shared ones
/// (project types, responsibilities) map in BuildingBlocks' <see cref="CommonEnums"/>.
/// </summary>
internal static class ContractEnums
{
    public static Contract.CourseKind ToContract(this CourseKind value) => EnumMapping<Contract.CourseKind, CourseKind>.ToContract(value);

    public static Contract.LmsAccountStatus ToContract(this LmsAccountStatus value) => EnumMapping<Contract.LmsAccountStatus, LmsAccountStatus>.ToContract(value);

    /// <summary>Every pair, for the test that keeps both sides equal.</summary>
    public static IEnumerable<string> Unpaired() =>
    [
        .. EnumMapping<Contract.CourseKind, CourseKind>.Unpaired(),
        .. EnumMapping<Contract.LmsAccountStatus, LmsAccountStatus>.Unpaired(),
    ];
}
