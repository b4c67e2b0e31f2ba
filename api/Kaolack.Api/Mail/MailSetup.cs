using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kaolack.Api.Mail;

public static class MailSetup
{
    /// <summary>SMTP when <c>Kaolack:Mail:Smtp:Host</c> is set, the admins' outbox otherwise; and the links e-mails carry.</summary>
    public static IServiceCollection AddKaolackMail(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(MailOptions.Section);
        services.AddOptions<MailOptions>().Bind(section)
            .Validate(options => !options.UsesSmtp || (options.Smtp.Port is > 0 and < 65536
                    && Enum.TryParse<MailKit.Security.SecureSocketOptions>(options.Smtp.Security, ignoreCase: true, out _)),
                $"{MailOptions.Section}:Smtp: Port must be 1–65535 and Security one of Auto, None, StartTls, StartTlsWhenAvailable, SslOnConnect.")
            .ValidateOnStart();
        if ((section.Get<MailOptions>() ?? new MailOptions()).UsesSmtp)
        {
            services.AddSingleton<IMailSender, SmtpMailSender>();
        }
        else
        {
            services.AddSingleton<IMailSender, OutboxMailSender>();
        }
        services.AddSingleton<PublicLinks>();
        services.AddSingleton<MailComposer>();
        return services;
    }
}
