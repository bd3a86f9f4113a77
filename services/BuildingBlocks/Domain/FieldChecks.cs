namespace HmisPlatform.BuildingBlocks.Domain;

/// <summary>
/// Runs a form's field checks one after another and refuses once with every field that is wrong, so that a person
/// correcting a form sees all of it on the first press, not one error per press. Only refusals of the input
/// (INVALID_ARGUMENT with field violations) are collected; any other refusal is thrown at once.
/// </summary>
public sealed class FieldChecks
{
    /// <summary>The message when several checks failed: each field carries its own description.</summary>
    public const string SeveralMessage = "Several fields need correcting; each is named.";

    private readonly List<DomainException> _refusals = [];

    public bool Passed => _refusals.Count == 0;

    /// <summary>Runs one check; its value, or null when it refused the input.</summary>
    public T? Check<T>(Func<T> check) where T : class
    {
        try
        {
            return check();
        }
        catch (DomainException refusal) when (IsFieldRefusal(refusal))
        {
            _refusals.Add(refusal);
            return null;
        }
    }

    /// <summary>Runs one check that returns nothing; whether it passed.</summary>
    public bool Check(Action check) => Check(() =>
    {
        check();
        return string.Empty;
    }) is not null;

    /// <summary>Refuses with every field violation collected, under the first refusal's reason; nothing when all passed.</summary>
    public void ThrowIfAny()
    {
        if (_refusals.Count == 0)
        {
            return;
        }
        var first = _refusals[0];
        throw DomainException.Invalid(first.Reason, _refusals.Count == 1 ? first.Message : SeveralMessage,
            [.. _refusals.SelectMany(r => r.FieldViolations)]);
    }

    private static bool IsFieldRefusal(DomainException refusal) =>
        refusal.Kind == ErrorKind.InvalidArgument && refusal.FieldViolations.Count > 0;
}
