using HmisPlatform.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HmisPlatform.Notifications.Infrastructure;

/// <summary>The contact a message needs has not arrived yet (its event is on another stream): the event is retried.</summary>
public sealed class ContactNotYetKnownException(string what) : Exception($"The {what} is not known yet; the event is retried.");

/// <summary>
/// Makes an event's notifications, in the event's inbox transaction: one per recipient its kind's audience names,
/// rendered from the kind's templates, held for the digest when the recipient chose one.
/// </summary>
public sealed class Notifier(NotificationsDbContext db, Templates templates, EmailSeal seal, IOptions<NotificationOptions> options, TimeProvider time)
{
    /// <param name="ata">The ATA when the event names them itself (their own training); otherwise the request's ATA.</param>
    /// <param name="userSecret">Details only the person's e-mail shows (their activation link): that e-mail is kept sealed
    /// until it is sent, and the inbox has the message without them.</param>
    public async Task NotifyAsync(Guid eventId, string kind, Guid? personId, Guid? accessRequestId, Guid? agencyId,
        IReadOnlyDictionary<string, object?> details, CancellationToken cancellationToken, Recipient? ata = null,
        IReadOnlyDictionary<string, object?>? userSecret = null)
    {
        var audience = NotificationKinds.AudienceOf(kind);
        var request = accessRequestId is { } requestId
            ? await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.AccessRequestId == requestId, cancellationToken)
            : null;
        var recipients = new List<Recipient>();
        PersonContact? person = null;
        if (audience.HasFlag(Audience.User) && personId is { } id)
        {
            person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.PersonId == id, cancellationToken)
                ?? throw new ContactNotYetKnownException("person");
            recipients.Add(person.AsRecipient());
        }
        // An account from before go-live came by no request: only the person and the teams hear about it.
        var byRequest = ata is not null || accessRequestId is { } requested && requested != Guid.Empty;
        if (audience.HasFlag(Audience.Ata) && byRequest)
        {
            recipients.Add(ata ?? (request ?? throw new ContactNotYetKnownException("request's ATA")).AsRecipient());
            if (ata is null && request is not null)
            {
                // The request's ATAs and Supervisors who validated its people hear what its ATA hears (once each).
                var validators = await db.Validators.AsNoTracking().Where(v => v.AccessRequestId == request.AccessRequestId)
                    .OrderBy(v => v.AdministratorId).ToListAsync(cancellationToken);
                recipients.AddRange(validators.Select(v => v.AsRecipient()).Where(v => recipients.All(r => r.Key != v.Key)));
            }
        }
        var o = options.Value;
        if (audience.HasFlag(Audience.HmisTeam) && o.HmisTeamEmail.Length > 0)
        {
            recipients.Add(new Recipient(Recipient.HmisTeamKey, o.HmisTeamEmail, "HMIS team", Audience.HmisTeam));
        }
        if (audience.HasFlag(Audience.CeTeam) && o.CeTeamEmail.Length > 0)
        {
            recipients.Add(new Recipient(Recipient.CeTeamKey, o.CeTeamEmail, "Lead CE team", Audience.CeTeam));
        }
        var agency = agencyId ?? request?.AgencyId;
        var now = time.GetUtcNow();
        foreach (var recipient in recipients)
        {
            var model = new Dictionary<string, object?>(details, StringComparer.Ordinal)
            {
                ["recipient_name"] = recipient.Name,
                ["for_user"] = recipient.As == Audience.User,
                ["for_team"] = recipient.As is Audience.HmisTeam or Audience.CeTeam,
                ["person_name"] = person?.FullName ?? "",
                ["lms_username"] = person?.LmsUsername ?? "",
                ["agency_id"] = agency?.ToString() ?? "",
                ["request_id"] = accessRequestId?.ToString() ?? "",
                ["link"] = LinkFor(recipient, personId, accessRequestId),
                ["lms_url"] = o.LmsUrl,
            };
            var message = await templates.RenderAsync(kind, model);
            string? sealedEmail = null;
            if (recipient.As == Audience.User && userSecret is { Count: > 0 })
            {
                sealedEmail = seal.Seal(await templates.RenderAsync(kind, new Dictionary<string, object?>(model.Concat(userSecret), StringComparer.Ordinal)));
            }
            var digest = recipient.As == Audience.Ata
                && await db.DeliveryChoices.AnyAsync(c => c.RecipientKey == recipient.Key && c.DailyDigest, cancellationToken);
            db.Notifications.Add(Notification.Create(eventId, kind, recipient, agency, accessRequestId, message, digest, now, sealedEmail));
        }
    }

    /// <summary>
    /// Makes the invitation's e-mail, with the set-password link sealed in it, and its inbox copy without the link. An
    /// invitation already made (the same request id) is the one answered.
    /// </summary>
    public async Task<Notification> InviteAsync(Invitation invitation, CancellationToken cancellationToken)
    {
        var recipient = invitation.Recipient;
        var made = await db.Notifications.SingleOrDefaultAsync(n => n.EventId == invitation.RequestId && n.RecipientKey == recipient.Key, cancellationToken);
        if (made is not null)
        {
            return made;
        }
        var o = options.Value;
        var model = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["recipient_name"] = recipient.Name,
            ["role_title"] = invitation.RoleTitle,
            ["agency_id"] = invitation.AgencyId?.ToString() ?? "",
            ["link"] = o.UiBaseUrl.TrimEnd('/') + "/",
            ["set_password_link"] = "",
        };
        var inbox = await templates.RenderAsync(NotificationKinds.StaffInvited, model);
        model["set_password_link"] = o.UiBaseUrl.TrimEnd('/') + invitation.SetPasswordPath;
        var email = seal.Seal(await templates.RenderAsync(NotificationKinds.StaffInvited, model));
        var notification = Notification.Create(invitation.RequestId, NotificationKinds.StaffInvited, recipient, invitation.AgencyId, accessRequestId: null,
            inbox, digest: false, time.GetUtcNow(), email);
        db.Notifications.Add(notification);
        return notification;
    }

    /// <summary>Where the recipient sees it in the UI: ids only, never personal data in a URL.</summary>
    private string LinkFor(Recipient recipient, Guid? personId, Guid? accessRequestId)
    {
        var root = options.Value.UiBaseUrl.TrimEnd('/');
        return recipient.As switch
        {
            Audience.User => $"{root}/me",
            Audience.Ata when personId is { } id => $"{root}/people/{id}",
            Audience.Ata => $"{root}/agency",
            _ when accessRequestId is { } id => $"{root}/review/{id}",
            _ => $"{root}/agencies",
        };
    }
}
