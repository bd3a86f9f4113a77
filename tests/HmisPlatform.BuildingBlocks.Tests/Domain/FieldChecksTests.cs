using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.BuildingBlocks.Tests.Domain;

public sealed class FieldChecksTests
{
    private static DomainException Invalid(string field) =>
        DomainException.Invalid($"{field.ToUpperInvariant()}_WRONG", $"The {field} is wrong.", new FieldViolation(field, "wrong", $"{field.ToUpperInvariant()}_WRONG"));

    [Fact]
    public void EveryFailedCheck_IsInTheOneRefusal_UnderTheFirstReason()
    {
        var fields = new FieldChecks();

        var kept = fields.Check(() => "kept");
        var refused = fields.Check<string>(() => throw Invalid("name"));
        fields.Check(() => throw Invalid("email"));

        var refusal = Assert.Throws<DomainException>(fields.ThrowIfAny);
        Assert.Equal(("kept", null), (kept, refused));
        Assert.Equal("NAME_WRONG", refusal.Reason);
        Assert.Equal(FieldChecks.SeveralMessage, refusal.Message);
        Assert.Equal(["name", "email"], refusal.FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public void OneFailedCheck_KeepsItsOwnMessage_AndNoneFailedThrowsNothing()
    {
        var one = new FieldChecks();
        Assert.False(one.Check(() => throw Invalid("name")));
        Assert.Equal("The name is wrong.", Assert.Throws<DomainException>(one.ThrowIfAny).Message);

        var none = new FieldChecks();
        Assert.True(none.Check(() => { }));
        none.ThrowIfAny();
        Assert.True(none.Passed);
    }

    [Fact]
    public void ARefusalThatIsNotAboutTheInput_IsThrownAtOnce()
    {
        var fields = new FieldChecks();

        var refusal = Assert.Throws<DomainException>(() => fields.Check(() => throw DomainException.Precondition("APA_ENDED", "The agency's APA has ended.")));

        Assert.Equal(ErrorKind.FailedPrecondition, refusal.Kind);
        Assert.True(fields.Passed);
    }
}
