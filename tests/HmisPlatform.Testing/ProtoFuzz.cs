using CsCheck;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace HmisPlatform.Testing;

/// <summary>
/// Protobuf messages filled at random for fuzz targets: each field set or not, repeated fields empty, a few or far
/// past any limit, enum numbers in and out of range, numbers at their extremes, and text that is a valid date, an
/// impossible one, awkward characters or too long. A failure prints its seed, which rebuilds the same message.
/// </summary>
public static class ProtoFuzz
{
    public static Gen<T> Messages<T>(MessageDescriptor descriptor, int depth = 6) where T : IMessage =>
        Gen.Int.Select(seed => (T)Build(descriptor, new Random(seed), depth));

    /// <summary>Copies of the valid messages with one to three fields anywhere in them changed at random.</summary>
    public static Gen<T> Mutations<T>(IReadOnlyList<T> valid) where T : IMessage<T> =>
        Gen.Select(Gen.Int[0, valid.Count - 1], Gen.Int, (index, seed) =>
        {
            var random = new Random(seed);
            var copy = valid[index].Clone();
            for (var i = random.Next(1, 4); i > 0; i--)
            {
                Mutate(copy, random, 6);
            }
            return copy;
        });

    private static void Mutate(IMessage message, Random random, int depth)
    {
        var fields = message.Descriptor.Fields.InDeclarationOrder().Where(f => !f.IsMap).ToList();
        var field = fields[random.Next(fields.Count)];
        if (field.IsRepeated)
        {
            var list = (System.Collections.IList)field.Accessor.GetValue(message);
            if (list.Count > 0 && field.FieldType == FieldType.Message && random.Next(2) == 0)
            {
                Mutate((IMessage)list[random.Next(list.Count)]!, random, depth - 1);
            }
            else if (list.Count > 0 && random.Next(2) == 0)
            {
                list.RemoveAt(random.Next(list.Count));
            }
            else
            {
                list.Add(Value(field, random, depth));
            }
            return;
        }
        if (field.FieldType == FieldType.Message && field.Accessor.GetValue(message) is IMessage nested && random.Next(3) > 0)
        {
            Mutate(nested, random, depth - 1);
            return;
        }
        field.Accessor.SetValue(message, Value(field, random, depth));
    }

    private static IMessage Build(MessageDescriptor descriptor, Random random, int depth)
    {
        var message = (IMessage)Activator.CreateInstance(descriptor.ClrType)!;
        foreach (var field in descriptor.Fields.InDeclarationOrder().Where(f => !f.IsMap && random.Next(10) < 7))
        {
            if (field.FieldType == FieldType.Message && depth == 0)
            {
                continue;
            }
            if (field.IsRepeated)
            {
                var list = (System.Collections.IList)field.Accessor.GetValue(message);
                var count = random.Next(20) == 0 ? random.Next(15, 250) : random.Next(0, 4);
                for (var i = 0; i < count; i++)
                {
                    list.Add(Value(field, random, depth));
                }
            }
            else
            {
                field.Accessor.SetValue(message, Value(field, random, depth));
            }
        }
        return message;
    }

    private static object Value(FieldDescriptor field, Random random, int depth) => field.FieldType switch
    {
        FieldType.String => Text(random),
        FieldType.Bool => random.Next(2) == 0,
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => random.Next(4) switch
        {
            0 => int.MinValue, 1 => int.MaxValue, 2 => random.Next(-5, 5), _ => random.Next(-100_000, 100_000),
        },
        FieldType.UInt32 or FieldType.Fixed32 => (uint)random.Next(),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => random.Next(3) == 0 ? long.MinValue : random.NextInt64(),
        FieldType.UInt64 or FieldType.Fixed64 => (ulong)random.NextInt64(),
        FieldType.Double => random.Next(4) == 0 ? double.NaN : (random.NextDouble() - 0.5) * 1e12,
        FieldType.Float => random.Next(4) == 0 ? float.PositiveInfinity : (float)random.NextDouble(),
        FieldType.Bytes => ByteString.CopyFrom([.. Enumerable.Range(0, random.Next(40)).Select(_ => (byte)random.Next(256))]),
        FieldType.Enum => Enum.ToObject(field.EnumType.ClrType, random.Next(8) == 0 ? random.Next(-3, 1000) : random.Next(0, field.EnumType.Values.Count + 1)),
        FieldType.Message => Build(field.MessageType, random, depth - 1),
        _ => throw new NotSupportedException(field.FieldType.ToString()),
    };

    private static string Text(Random random) => random.Next(7) switch
    {
        0 => "",
        1 => new DateOnly(random.Next(1900, 2101), random.Next(1, 13), random.Next(1, 29)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        2 => ImpossibleDates[random.Next(ImpossibleDates.Length)],
        3 => new string('x', random.Next(90, 400)),
        4 => new string([.. Enumerable.Range(0, random.Next(1, 30)).Select(_ => (char)random.Next(0, 0x3000))]),
        5 => ((char)('a' + random.Next(26))).ToString(),
        _ => $"{Names[random.Next(Names.Length)]}{random.Next(100)}",
    };

    private static readonly string[] ImpossibleDates =
        ["2026-02-30", "2026-13-01", "0000-00-00", "26-1-1", "2026-1-1", "2026/01/01", "9999-12-31", "0001-01-01", "2026-12-06T00:00:00Z", " 2026-01-01", "２０２６-01-01"];

    private static readonly string[] Names = ["Avery", "Testperson", "Shelter", "999-00-1234", "900000000", "N/A"];
}
