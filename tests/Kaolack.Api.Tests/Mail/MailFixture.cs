namespace Kaolack.Api.Tests.Mail;

/// <summary>
/// An app that sends its e-mail through SMTP (MailKit) to a real SMTP server the fixture starts on a free loopback
/// port, with password-reset links that last <see cref="ResetLinkLifetime"/> so a test can see one expire.
/// </summary>
public sealed class MailFixture : HostFixture
{
    public static readonly TimeSpan ResetLinkLifetime = TimeSpan.FromSeconds(3);

    private TestSmtpServer? smtp;

    public TestSmtpServer Smtp => smtp ?? throw new InvalidOperationException("The SMTP server is not started.");

    protected override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?>(HostSettings.Unthrottled)
            {
                ["Kaolack:Accounts:ResetLinkLifetime"] = ResetLinkLifetime.ToString("c"),
            };
            foreach (var (key, value) in Smtp.AppSettings)
            {
                settings[key] = value;
            }
            return settings;
        }
    }

    public override async Task InitializeAsync()
    {
        smtp = TestSmtpServer.Start();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (smtp is not null)
        {
            await smtp.DisposeAsync();
        }
    }

    /// <summary>Registers an account through the API and verifies it with the link the SMTP server received.</summary>
    public async Task<TestUser> RegisterVerifiedAsync(string prefix, UiLanguage language = UiLanguage.Fr)
    {
        var email = TestUser.NewEmail(prefix);
        using var http = Host.CreateClient();
        (await AuthApi.Register(http, email, Samples.Password, language)).EnsureSuccessStatusCode();
        var mail = await Smtp.WaitFor(email, language == UiLanguage.En ? "Confirm your address" : "Confirmez votre adresse");
        await SiloHost.VerifyAsync(http, Outbox.TokenOf(TestSmtpServer.LinkIn(mail)), Samples.Password);
        return new TestUser(email, Samples.Password, await Host.SignInAsync(email, Samples.Password));
    }
}

[CollectionDefinition(Name)]
public sealed class MailCollection : ICollectionFixture<MailFixture>
{
    public const string Name = "mail";
}

/// <summary>A test class of <see cref="MailCollection"/>.</summary>
[Collection(MailCollection.Name)]
public abstract class MailTests(MailFixture app)
{
    protected MailFixture App { get; } = app;
}
