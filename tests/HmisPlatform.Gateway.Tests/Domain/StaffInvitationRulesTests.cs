using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Gateway.Domain;

namespace HmisPlatform.Gateway.Tests.Domain;

public sealed class StaffInvitationRulesTests
{
    private const string Agency = "0b6f3a51-2d6e-4a4e-9a54-6f0f8d1a0001";

    [Fact]
    public void Trainee_KeepsThePersonIdTheirRequestGaveThem_AndTheEmailIsNormalised()
    {
        var person = Guid.NewGuid();

        var invitation = StaffInvitation.Create("  Dana.W@Lakeview.Example.org ", StaffRoles.Trainee, Agency, person.ToString());

        Assert.Equal((person, "dana.w@lakeview.example.org"), (invitation.PersonId, invitation.Email));
    }

    [Fact]
    public void HmisTeam_BelongsToNoAgency_AndNamesNoPersonId()
    {
        var error = Assert.Throws<DomainException>(() => StaffInvitation.Create("lead@hmis.example.org", StaffRoles.HmisTeam, Agency, Guid.NewGuid().ToString()));

        Assert.Equal(["agency_id", "person_id"], error.FieldViolations.Select(v => v.Field).Order());
    }
}
