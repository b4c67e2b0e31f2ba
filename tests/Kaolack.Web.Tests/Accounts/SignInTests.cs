using Kaolack.Silo.DemoData;

namespace Kaolack.Web.Tests.Accounts;

[Collection(WebCollection.Name)]
public sealed class SignInTests(WebFixture web)
{
    [Fact]
    public async Task A_demo_member_signs_in_and_sees_the_directory()
    {
        var page = await web.NewPageAsync(Viewports.Phone);
        await page.GotoAsync("/");
        await PageChecks.AssertNoSeriousAccessibilityViolations(page, "sign-in");
        await PageChecks.Screenshot(page, "sign-in-phone");

        await SignInPage.SignIn(page, DemoAccounts.KaolackMember, DemoAccounts.Password);

        var firstCooperative = DemoCatalog.Shipped.Cooperatives[0].Profile.Name;
        await Assertions.Expect(page.GetByText(firstCooperative).First).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
