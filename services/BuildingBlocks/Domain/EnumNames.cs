using System.Collections.Concurrent;
using System.Text;

namespace HmisPlatform.BuildingBlocks.Domain;

/// <summary>
/// A domain enum member in the UPPER_SNAKE form people and the contracts read (<c>ConfirmCreditUse</c> is
/// <c>CONFIRM_CREDIT_USE</c>, <c>HrsCe1474</c> is <c>HRS_CE_1474</c>), for audit actions, metric tags and messages.
/// The contracts' values have the same names after their prefix; each service's enum-pair test holds them equal.
/// </summary>
public static class EnumNames
{
    private static readonly ConcurrentDictionary<Enum, string> Names = new();

    public static string UpperSnake<T>(T value)
        where T : struct, Enum => Names.GetOrAdd(value, v => UpperSnake(v.ToString()));

    /// <summary>With the prefix the contract gives the enum's values: <c>REQUEST_TYPE_</c> and the member.</summary>
    public static string Prefixed<T>(T value)
        where T : struct, Enum => $"{UpperSnake(typeof(T).Name)}_{UpperSnake(value)}";

    public static string UpperSnake(string pascal)
    {
        var name = new StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            var boundary = i > 0 && (char.IsUpper(c) || (char.IsDigit(c) && !char.IsDigit(pascal[i - 1])));
            name.Append(boundary ? "_" : "").Append(char.ToUpperInvariant(c));
        }
        return name.ToString();
    }
}
