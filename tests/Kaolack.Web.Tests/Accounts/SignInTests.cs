namespace Kaolack.Web.Tests.Accounts;

public sealed class SignInTests(WebFixture web) : WebTests(web)
{
    [Fact]
    public async Task A_demo_member_signs_in_and_sees_the_directory()
    {
        var page = await Web.NewPageAsync(Viewports.Phone);
        await page.GotoAsync("/");
        await PageChecks.AssertNoSeriousAccessibilityViolations(page, "sign-in");
        await PageChecks.Screenshot(page, "sign-in-phone");

        await SignInPage.SignIn(page, DemoAccounts.KaolackMember, DemoAccounts.Password);

        var firstCooperative = DemoCatalog.Shipped.Cooperatives[0].Profile.Name;
        await Assertions.Expect(page.GetByText(firstCooperative).First).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
