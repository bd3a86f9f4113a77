using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace HmisPlatform.Notifications.Infrastructure;

/// <summary>An e-mail to send: the recipient, the subject, and its text and HTML bodies.</summary>
public sealed record OutgoingMail(string To, string Subject, string Text, string Html);

/// <summary>What became of one send.</summary>
public sealed record SendResult(bool Sent, bool Permanent, string Error)
{
    public static readonly SendResult Ok = new(true, false, "");
}

/// <summary>Sends e-mail.</summary>
public interface IMailer
{
    Task<SendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

/// <summary>
/// SMTP through MailKit, one connection per send. A recipient the server refuses for good (5xx) is a permanent
/// failure; a server that is down or answers 4xx is a transient one. Errors name the status, never the content.
/// </summary>
public sealed class SmtpMailer(IOptions<SmtpOptions> smtp, IOptions<NotificationOptions> options) : IMailer
{
    public async Task<SendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var o = smtp.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.Value.From));
        if (!MailboxAddress.TryParse(mail.To, out var to) || !to.Address.Contains('@', StringComparison.Ordinal))
        {
            return new SendResult(false, true, "recipient address is not valid");
        }
        message.To.Add(to);
        message.Subject = mail.Subject;
        message.Body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html }.ToMessageBody();
        using var client = new SmtpClient { Timeout = (int)o.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(o.Host, o.Port, o.RequireTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
            if (!string.IsNullOrEmpty(o.UserName))
            {
                await client.AuthenticateAsync(o.UserName, o.Password ?? "", cancellationToken);
            }
            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return SendResult.Ok;
        }
        catch (SmtpCommandException ex)
        {
            var permanent = (int)ex.StatusCode >= 500;
            return new SendResult(false, permanent, $"SMTP {(int)ex.StatusCode} on {ex.ErrorCode}");
        }
        catch (Exception ex) when (ex is SmtpProtocolException or ServiceNotConnectedException or IOException
            or System.Net.Sockets.SocketException or TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new SendResult(false, false, $"mail server not reachable ({ex.GetType().Name})");
        }
    }
}
