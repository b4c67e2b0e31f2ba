using Kaolack.Grains.Accounts;

namespace Kaolack.Grains.Tests.Accounts;

public sealed class AccountRulesTests
{
    [Theory]
    [InlineData("awa@jokko.sn", "awa@jokko.sn")]
    [InlineData("  Awa@Jokko.SN ", "awa@jokko.sn")]
    [InlineData("AWA.NDIAYE@EXAMPLE.ORG\t", "awa.ndiaye@example.org")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData(null, "")]
    public void NormalizeEmail_trims_and_lowercases(string? email, string expected) =>
        Assert.Equal(expected, AccountRules.NormalizeEmail(email));

    [Fact]
    public void Normalize_cleans_email_names_and_organisation_but_never_the_password()
    {
        var normalized = AccountRules.Normalize(Samples.Registration("awa@jokko.sn") with
        {
            Email = " Awa@Jokko.SN ",
            DisplayName = "  Awa   Ndiaye ",
            Organisation = " Coopérative   Jokko ",
            Password = "  espaces compris  ",
        });

        Assert.Equal(
            ("awa@jokko.sn", "Awa Ndiaye", "Coopérative Jokko", "  espaces compris  "),
            (normalized.Email, normalized.DisplayName, normalized.Organisation, normalized.Password));
    }

    [Fact]
    public void A_valid_registration_passes() =>
        Assert.Null(Record.Exception(() => AccountRules.Validate(Samples.Registration("awa@jokko.sn"))));

    [Theory]
    [InlineData(AccountRules.MinPasswordLength - 1, false)]
    [InlineData(AccountRules.MinPasswordLength, true)]
    [InlineData(AccountRules.MaxPasswordLength, true)]
    [InlineData(AccountRules.MaxPasswordLength + 1, false)]
    public void Passwords_must_be_between_the_minimum_and_maximum_length(int length, bool valid)
    {
        var v = new Validation();
        AccountRules.ValidatePassword(v, "password", new string('x', length));
        Assert.Equal(valid, v.IsValid);
        if (!valid)
        {
            Assert.Equal(["password"], v.Errors.Keys);
        }
    }

    [Fact]
    public void A_missing_password_is_too_short()
    {
        var v = new Validation();
        AccountRules.ValidatePassword(v, "newPassword", null);
        Assert.Equal(["newPassword"], v.Errors.Keys);
    }

    [Theory]
    [InlineData("")]
    [InlineData("awa")]
    [InlineData("awa@localhost")]
    [InlineData("awa ndiaye@jokko.sn")]
    [InlineData("Awa <awa@jokko.sn>")]
    public void An_address_that_is_not_a_plain_email_is_refused(string email)
    {
        var v = new Validation();
        AccountRules.ValidateEmail(v, "email", email);
        Assert.Equal(["email"], v.Errors.Keys);
    }

    [Fact]
    public void Validate_reports_every_broken_field_at_once()
    {
        var error = Assert.Throws<ValidationFailedException>(() => AccountRules.Validate(new Registration
        {
            Email = "pas-une-adresse",
            Password = "court",
            DisplayName = "",
            Organisation = new string('o', 121),
            Region = (UserRegion)9,
            Language = (UiLanguage)9,
        }));

        Assert.Equal(
            ["displayName", "email", "language", "organisation", "password", "region"],
            error.Errors.Keys.Order(StringComparer.Ordinal));
    }
}
