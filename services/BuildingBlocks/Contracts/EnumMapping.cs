using System.Collections.Frozen;
using System.Reflection;
using Google.Protobuf.Reflection;
using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.BuildingBlocks.Contracts;

/// <summary>
/// The edge between a contract's enum and the domain's own: members pair by name (the C# name protoc gives
/// <c>PROJECT_TYPE_EMERGENCY_SHELTER</c> is <c>EmergencyShelter</c>, as in the domain). The domain stores its own
/// numbers, so renumbering or renaming a contract value never changes a schema. A contract value the domain does not
/// know, or an unknown number from a newer client, is the domain's default (its <c>Unspecified</c>), which its rules
/// refuse by field. Every member on either side must have its pair: <see cref="Unpaired"/> says which does not, and each service tests its pairs.
/// </summary>
public static class EnumMapping<TContract, TDomain>
    where TContract : struct, Enum
    where TDomain : struct, Enum
{
    private static readonly FrozenDictionary<TContract, TDomain> Inward =
        Enum.GetValues<TContract>().Where(c => Enum.IsDefined(typeof(TDomain), c.ToString()))
            .ToFrozenDictionary(c => c, c => Enum.Parse<TDomain>(c.ToString()));

    private static readonly FrozenDictionary<TDomain, TContract> Outward = Inward.ToFrozenDictionary(p => p.Value, p => p.Key);

    // Every contract enum's zero, "not set": the domain's default, whether or not the domain names it.
    private const string NotSet = "Unspecified";

    public static TDomain ToDomain(TContract value) => Inward.TryGetValue(value, out var domain) ? domain : default;

    public static TContract ToContract(TDomain value) =>
        Outward.TryGetValue(value, out var contract)
            ? contract
            : throw new InvalidOperationException($"{typeof(TDomain).Name}.{value} has no value in the contract's {typeof(TContract).FullName}.");

    /// <summary>
    /// The members of either enum that have no pair in the other, by name, and the pairs whose name in the .proto is
    /// not what the domain writes (<see cref="EnumNames.Prefixed{T}"/>); empty when the two agree.
    /// </summary>
    public static IReadOnlyList<string> Unpaired() =>
    [
        .. Enum.GetNames<TContract>().Except(Enum.GetNames<TDomain>()).Where(n => n != NotSet).Select(n => $"{typeof(TContract).FullName}.{n}"),
        .. Enum.GetNames<TDomain>().Except(Enum.GetNames<TContract>()).Select(n => $"{typeof(TDomain).FullName}.{n}"),
        .. Inward.Where(p => typeof(TContract).GetField(p.Key.ToString())?.GetCustomAttribute<OriginalNameAttribute>()?.Name is { } original
                && original != EnumNames.Prefixed(p.Value))
            .Select(p => $"{typeof(TDomain).FullName}.{p.Value} is not written as the .proto's name"),
    ];
}
