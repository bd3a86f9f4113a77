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

    [Theory]
    [InlineData(StaffRoles.Trainee, true)]
    [InlineData(StaffRoles.Ata, false)]
    [InlineData(StaffRoles.HmisTeam, false)]
    public void ThePlatform_InvitesTraineesOnly_TheHmisTeamAnyone(string role, bool platformMay)
    {
        var invitation = role == StaffRoles.HmisTeam
            ? StaffInvitation.Create("lead@hmis.example.org", role, "", "")
            : StaffInvitation.Create("dana.w@lakeview.example.org", role, Agency, role == StaffRoles.Trainee ? Guid.NewGuid().ToString() : "");

        Assert.Same(invitation, invitation.EnsureMayInvite(new Caller("hmis-lead", null, IsHmisTeam: true, StaffRoles.HmisTeam)));
        var byPlatform = Record.Exception(() => invitation.EnsureMayInvite(Caller.Service("notifications-api")));
        Assert.Equal(platformMay, byPlatform is null);
        var byAgency = Assert.Throws<DomainException>(() => invitation.EnsureMayInvite(new Caller("lakeview-case-system", Guid.Parse(Agency), IsHmisTeam: false)));
        Assert.Equal(StaffInvitation.OnlyTraineesReason, byAgency.Reason);
    }
}
