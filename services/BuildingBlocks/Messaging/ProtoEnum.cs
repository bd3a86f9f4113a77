using System.Reflection;
using Google.Protobuf.Reflection;

namespace HmisPlatform.BuildingBlocks.Messaging;

/// <summary>
/// An enum value by its name in the .proto (<c>ACCESS_REQUEST_STATUS_DENIED</c>), as events carry enums of another
/// package: readable by any consumer in any language, and stable when C# naming changes.
/// </summary>
public static class ProtoEnum
{
    public static string NameOf<T>(T value)
        where T : struct, Enum =>
        typeof(T).GetField(value.ToString())?.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? value.ToString();

    /// <summary>The name without the enum's own prefix: <c>DENIED</c> for <c>ACCESS_REQUEST_STATUS_DENIED</c>.</summary>
    public static string ShortNameOf<T>(T value, string prefix)
        where T : struct, Enum
    {
        var name = NameOf(value);
        return name.StartsWith(prefix, StringComparison.Ordinal) ? name[prefix.Length..] : name;
    }
}
