namespace HmisPlatform.BuildingBlocks.Domain;

/// <summary>What a go-live import did with one row, or would do in a dry run. Numbered as the contract's ImportOutcome.</summary>
public enum ImportOutcome
{
    Unspecified = 0,
    New = 1,
    Updated = 2,
    Unchanged = 3,
    Refused = 4,
}

/// <summary>One row's answer: its line, what happened, the record it made or matched, and why it was refused.</summary>
public sealed record ImportRowOutcome(int Line, ImportOutcome Outcome, Guid? Id, IReadOnlyList<FieldViolation> Problems)
{
    public static ImportRowOutcome Made(int line, Guid id, bool isNew, bool changed) =>
        new(line, isNew ? ImportOutcome.New : changed ? ImportOutcome.Updated : ImportOutcome.Unchanged, id, []);

    public static ImportRowOutcome Refused(int line, params FieldViolation[] problems) => new(line, ImportOutcome.Refused, null, problems);
}

/// <summary>
/// The go-live import's rules for a batch of rows, the same in every service: each row is checked before it changes
/// anything, a refused row names its columns and reasons, and a batch is written only when it is not a dry run and
/// has no refused row, or the caller asked to skip the bad ones. Running the same rows again makes every row unchanged.
/// </summary>
public static class ImportBatch
{
    public const string DuplicateInFileReason = "DUPLICATE_IN_FILE";
    public const string FutureDateReason = "DATE_IN_FUTURE";
    public const string InvalidDateReason = "INVALID_DATE";

    /// <summary>Whether the batch is written.</summary>
    public static bool Applies(bool dryRun, bool skipBadRows, IEnumerable<ImportRowOutcome> rows) =>
        !dryRun && (skipBadRows || rows.All(r => r.Outcome != ImportOutcome.Refused));

    /// <summary>
    /// Checks and applies one row. A rule's refusal becomes the row's problems, its fields renamed to the file's
    /// columns by <paramref name="column"/> (a field the map does not name keeps its name). The row must check
    /// everything before it changes anything, so a refused row leaves nothing behind.
    /// </summary>
    public static ImportRowOutcome Row(int line, Func<ImportRowOutcome> checkAndApply, Func<string, string>? column = null)
    {
        try
        {
            return checkAndApply();
        }
        catch (DomainException refused)
        {
            IEnumerable<FieldViolation> problems = refused.FieldViolations.Count > 0
                ? refused.FieldViolations
                : [new FieldViolation("", refused.Message, refused.Reason)];
            return ImportRowOutcome.Refused(line, [.. problems.Select(p => p with
            {
                Field = column?.Invoke(BaseField(p.Field)) ?? BaseField(p.Field),
                Reason = p.Reason ?? refused.Reason,
            })]);
        }
    }

    /// <summary>A day as a file states it (YYYY-MM-DD): empty is none; a day after today is refused.</summary>
    public static DateOnly? PastDate(string text, string column, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
        {
            throw DomainException.Invalid(InvalidDateReason, "A date is YYYY-MM-DD.", new FieldViolation(column, "a date as YYYY-MM-DD", InvalidDateReason));
        }
        return day <= today
            ? day
            : throw DomainException.Invalid(FutureDateReason, "A date in the future.", new FieldViolation(column, "a date in the future", FutureDateReason));
    }

    /// <summary>The field without its index: a list's item (email_domains[2]) is reported as its column.</summary>
    private static string BaseField(string field) => field.IndexOf('[', StringComparison.Ordinal) is var i and > 0 ? field[..i] : field;
}

/// <summary>Every problem of one row, gathered so the row is refused once, naming all of them.</summary>
public sealed class RowProblems
{
    private readonly List<FieldViolation> _violations = [];

    /// <summary>Runs a parse that may refuse; its refusal is gathered and the result is the default.</summary>
    public T? Try<T>(Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (DomainException refused)
        {
            _violations.AddRange(refused.FieldViolations);
            return default;
        }
    }

    public void Check(bool ok, string column, string description, string reason)
    {
        if (!ok)
        {
            _violations.Add(new FieldViolation(column, description, reason));
        }
    }

    public void Add(FieldViolation violation) => _violations.Add(violation);

    public bool Names(string column) => _violations.Any(v => v.Field == column);

    /// <summary>Refuses the row with every problem gathered, if there is one.</summary>
    public void ThrowIfAny()
    {
        if (_violations.Count > 0)
        {
            throw DomainException.Invalid(_violations[0].Reason!, "The row is not valid.", [.. _violations]);
        }
    }
}
