namespace HmisPlatform.Notifications.Infrastructure;

/// <summary>Addresses and links the messages use (configuration <c>Notifications</c>).</summary>
public sealed class NotificationOptions
{
    /// <summary>The sender, "Name &lt;address&gt;".</summary>
    public string From { get; set; } = "HMIS Lead <hmis-notifications@hmis.example.org>";

    /// <summary>The HMIS team's shared mailbox.</summary>
    public string HmisTeamEmail { get; set; } = "";

    /// <summary>The Lead Coordinated Entry team's shared mailbox.</summary>
    public string CeTeamEmail { get; set; } = "";

    /// <summary>The web UI, for links to a request or a person's page.</summary>
    public string UiBaseUrl { get; set; } = "http://localhost:5080/";

    /// <summary>
    /// The HMIS's page where a user sets their password with their single-use activation token (passed in the
    /// fragment, so it reaches no server log); empty sends credentials without a link.
    /// </summary>
    public string ActivationUrl { get; set; } = "";

    /// <summary>Where trainees take their courses.</summary>
    public string LmsUrl { get; set; } = "";

    /// <summary>How often the delivery worker looks for e-mail to send.</summary>
    public TimeSpan DeliveryInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The hour, on the Continuum's clock (Chicago), after which each day's digests go out.</summary>
    public int DigestHour { get; set; } = 17;

    /// <summary>How often the digest worker looks whether a digest is due.</summary>
    public TimeSpan DigestInterval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>The mail server (configuration <c>Smtp</c>).</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 25;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Require STARTTLS: on unless turned off, which only the local mail catcher needs (Production refuses it off).</summary>
    public bool RequireTls { get; set; } = true;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}
