using CsCheck;
using Xunit.Abstractions;

namespace HmisPlatform.Testing;

/// <summary>
/// Runs a fuzz target: a parser that takes outside input, fed generated inputs (structured ones near its edges, and
/// arbitrary text) by CsCheck, on every core. The test command runs each target a bounded number of times
/// (<see cref="DefaultIterations"/>); <c>HMIS_FUZZ_ITERATIONS</c> or <c>HMIS_FUZZ_SECONDS</c> run it longer, and
/// <c>HMIS_FUZZ_SEED</c> replays a failure's seed. A failing input is shrunk and printed with its seed.
/// </summary>
public static class Fuzz
{
    public const long DefaultIterations = 20_000;

    public static void Run<T>(Gen<T> inputs, Action<T> target, ITestOutputHelper? output = null)
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("HMIS_FUZZ_SECONDS"), out var s) && s > 0 ? s : -1;
        var iterations = seconds > 0 ? -1
            : long.TryParse(Environment.GetEnvironmentVariable("HMIS_FUZZ_ITERATIONS"), out var n) && n > 0 ? n : DefaultIterations;
        var seed = Environment.GetEnvironmentVariable("HMIS_FUZZ_SEED") is { Length: > 0 } given ? given : null;
        inputs.Sample(target, writeLine: line => output?.WriteLine(line), seed: seed, iter: iterations, time: seconds);
    }

    /// <summary>Characters that break parsers: controls, quotes, separators, look-alikes, surrogates, and plain ASCII.</summary>
    public static readonly Gen<char> Awkward = Gen.OneOf(
        Gen.Char['a', 'z'], Gen.Char['A', 'Z'], Gen.Char['0', '9'], Gen.Char[' ', '~'],
        Gen.OneOf('@', '.', '"', '\\', '\'', '<', '>', '(', ')', ',', ';', ':', '[', ']', '%', '+', '-', '_', '=', '/', '#', '{', '}'),
        Gen.OneOf('\0', '\t', '\n', '\r', '\u000b', '\u001f', '\u007f', '\u0085', '\u00a0', '\u200b', '\u2028', '\ufeff'),
        Gen.OneOf('а', 'е', 'о', 'р', 'с', 'ı', 'ſ', 'K', 'ß', '٣', '߀', '０', '９'),
        Gen.OneOf('\ud800', '\udfff'),
        Gen.Char);

    /// <summary>Short text of awkward characters.</summary>
    public static Gen<string> Text(int maxLength = 40) => Awkward.Array[0, maxLength].Select(chars => new string(chars));
}
