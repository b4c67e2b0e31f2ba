using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Kaolack.Web.Tests.Workshops;

/// <summary>
/// What participants of a large session expect (issue 18), through the real pages: anonymous ideas and questions (the
/// server's answers to other participants carry no author), the Q&amp;A with upvotes and "answered", reactions, the timer
/// paused and extended, ideas moved and merged, a raised hand kept across a reload, and a phone that lost the network
/// mid-poll catching up on what it missed.
/// </summary>
public sealed partial class WorkshopLiveFeaturesTests(WebFixture web) : WebTests(web)
{
    private const string Title = "Emballages communs, en anonyme";
    private const string GuestName = "Mariama Diallo";

    [Fact]
    public async Task An_anonymous_session_with_questions_reactions_a_paused_timer_a_reload_and_a_phone_back_online()
    {
        var coach = await Web.SignedInPageAsync(DemoAccounts.Coach);
        await coach.GotoAsync("/#/ateliers/nouveau");
        await coach.Locator("#workshop-title").FillAsync(Title);
        await coach.Locator("#workshop-startsAt").FillAsync("2026-06-10T10:00");
        await coach.Locator("#agenda-title-0").FillAsync("Idées");
        await coach.GetByLabel("Mode anonyme").CheckAsync();
        await coach.GetByRole(AriaRole.Button, new() { Name = "Créer l’atelier" }).ClickAsync();
        var codeShown = coach.Locator(".ws-code__code");
        await Assertions.Expect(codeShown).ToBeVisibleAsync();
        var code = await codeShown.GetAttributeAsync("data-code") ?? throw new InvalidOperationException("No join code shown.");
        Assert.Equal(8, code.Length);
        var id = WorkshopId().Match(coach.Url).Groups[1].Value;

        var member = await Web.SignedInPageAsync(DemoAccounts.KaolackMember, Viewports.Phone);
        await member.GotoAsync($"/#/atelier?code={code}");
        await member.GetByRole(AriaRole.Button, new() { Name = "Rejoindre", Exact = true }).ClickAsync();
        var guest = await Web.NewPageAsync(Viewports.Phone);
        await guest.GotoAsync($"/#/atelier?code={code}");
        await guest.Locator("#join-displayName").FillAsync(GuestName);
        await guest.GetByRole(AriaRole.Button, new() { Name = "Rejoindre", Exact = true }).ClickAsync();
        var everyone = new[] { coach, member, guest };
        foreach (var page in everyone)
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = Title })).ToBeVisibleAsync();
        }
        await Assertions.Expect(coach.Locator(".ws-attendance")).ToContainTextAsync(GuestName);
        await coach.GetByRole(AriaRole.Button, new() { Name = "Démarrer l’atelier" }).ClickAsync();
        foreach (var page in everyone)
        {
            await Assertions.Expect(page.Locator(".ws-current__title")).ToHaveTextAsync("Idées");
        }

        // Q&A: the guest asks, the member upvotes, the coach marks it answered; nobody sees who asked.
        const string asked = "Qui paie le transport des stands ?";
        await guest.Locator("#ws-question-text").FillAsync(asked);
        await guest.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        var upvote = $"Soutenir la question « {asked} »";
        await member.GetByRole(AriaRole.Button, new() { Name = upvote }).ClickAsync();
        foreach (var page in everyone)
        {
            await Assertions.Expect(page.Locator(".ws-question [data-upvotes]")).ToHaveAttributeAsync("data-upvotes", "1");
            await Assertions.Expect(page.Locator(".ws-question__by")).ToHaveTextAsync("anonyme");
        }
        await Assertions.Expect(member.GetByRole(AriaRole.Button, new() { Name = upvote })).ToHaveAttributeAsync("aria-pressed", "true");
        await coach.GetByRole(AriaRole.Button, new() { Name = "Marquer comme répondue" }).ClickAsync();
        await Assertions.Expect(member.Locator(".ws-question--answered")).ToHaveCountAsync(1);

        // Reactions: counted for the room.
        await member.Locator("button.ws-reaction[data-reaction=applause]").ClickAsync();
        await Assertions.Expect(coach.Locator("button.ws-reaction[data-reaction=applause]")).ToHaveAttributeAsync("aria-label", "Applaudir : 1");

        // Anonymous ideas: no author on any screen, nor in what the server sends a participant or the coach.
        await coach.Locator("#board-column").FillAsync("Emballages");
        await coach.GetByRole(AriaRole.Button, new() { Name = "Ajouter la colonne" }).ClickAsync();
        await coach.Locator("#board-column").FillAsync("Actions");
        await coach.GetByRole(AriaRole.Button, new() { Name = "Ajouter la colonne" }).ClickAsync();
        await AddIdea(guest, "Emballages", "Sacs en fibre de baobab");
        await AddIdea(member, "Emballages", "Bocaux consignés");
        await AddIdea(member, "Emballages", "Bocaux consignés à Oujda");
        foreach (var page in everyone)
        {
            await Assertions.Expect(page.Locator(".ws-note")).ToHaveCountAsync(3);
            await Assertions.Expect(page.Locator(".ws-note__by").First).ToHaveTextAsync("idée anonyme");
        }
        var seenByMember = await (await member.APIRequest.GetAsync($"/api/workshops/{id}")).TextAsync();
        Assert.DoesNotContain(GuestName, seenByMember, StringComparison.Ordinal);
        using (var seenByCoach = JsonDocument.Parse(await (await coach.APIRequest.GetAsync($"/api/workshops/{id}")).TextAsync()))
        {
            Assert.All(seenByCoach.RootElement.GetProperty("notes").EnumerateArray(), n => Assert.Equal(JsonValueKind.Null, n.GetProperty("authorName").ValueKind));
            Assert.All(seenByCoach.RootElement.GetProperty("questions").EnumerateArray(), q => Assert.Equal(JsonValueKind.Null, q.GetProperty("authorName").ValueKind));
        }

        // The coach moves one idea to another column and merges two: every screen follows.
        await CoachTarget(coach, "Sacs en fibre de baobab", "Actions");
        await CoachTarget(coach, "Bocaux consignés à Oujda", "Bocaux consignés");
        foreach (var page in everyone)
        {
            await Assertions.Expect(page.Locator(".ws-note")).ToHaveCountAsync(2);
            await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Actions", Exact = true }).Locator(".ws-note__text")).ToHaveTextAsync("Sacs en fibre de baobab");
        }

        // The timer, paused and extended: every screen shows the same paused time.
        await coach.Locator("#ws-timer-seconds").FillAsync("300");
        await coach.GetByRole(AriaRole.Button, new() { Name = "Lancer", Exact = true }).ClickAsync();
        await Assertions.Expect(member.Locator(".ws-timer__clock--running")).ToBeVisibleAsync();
        await coach.GetByRole(AriaRole.Button, new() { Name = "Pause", Exact = true }).ClickAsync();
        await coach.GetByRole(AriaRole.Button, new() { Name = "+1 min", Exact = true }).ClickAsync();
        var paused = new List<double>();
        foreach (var page in everyone)
        {
            await Assertions.Expect(page.Locator(".ws-timer__clock--paused")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".ws-timer__clock")).ToHaveAttributeAsync("data-remaining-ms", new Regex("^3[3-6]\\d{4}$"));
            paused.Add(double.Parse(await page.Locator(".ws-timer__clock").GetAttributeAsync("data-remaining-ms") ?? "", CultureInfo.InvariantCulture));
        }
        Assert.Equal(paused.Min(), paused.Max());

        // A raised hand survives a reload of the guest's page.
        await guest.GetByRole(AriaRole.Button, new() { Name = "Lever la main" }).ClickAsync();
        await Assertions.Expect(coach.Locator(".ws-hands")).ToContainTextAsync(GuestName);
        await guest.ReloadAsync();
        await Assertions.Expect(guest.GetByRole(AriaRole.Button, new() { Name = "Baisser la main" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(coach.Locator(".ws-hands")).ToContainTextAsync(GuestName);

        // Mid-poll, the member's phone loses the network; the guest votes meanwhile; back online, it catches up.
        await coach.GetByText("Nouveau sondage").ClickAsync();
        await coach.Locator("#poll-question").FillAsync("Quel emballage tester d’abord ?");
        await coach.Locator("#poll-options").FillAsync("Baobab\nBocaux");
        await coach.GetByRole(AriaRole.Button, new() { Name = "Créer le sondage" }).ClickAsync();
        await coach.GetByRole(AriaRole.Button, new() { Name = "Ouvrir le vote" }).ClickAsync();
        await Assertions.Expect(member.GetByLabel("Baobab", new() { Exact = true })).ToBeVisibleAsync();
        await member.Context.SetOfflineAsync(true);
        await Assertions.Expect(member.Locator(".conn")).ToHaveTextAsync("hors ligne");
        await guest.GetByLabel("Baobab", new() { Exact = true }).CheckAsync();
        await guest.GetByRole(AriaRole.Button, new() { Name = "Voter", Exact = true }).ClickAsync();
        await coach.GetByRole(AriaRole.Button, new() { Name = "Montrer les résultats" }).ClickAsync();
        await Assertions.Expect(coach.Locator(".ws-poll__voters")).ToHaveTextAsync("1 votant");
        await Assertions.Expect(member.Locator(".ws-poll__voters")).ToHaveTextAsync("0 votant");
        await member.Context.SetOfflineAsync(false);
        await Assertions.Expect(member.Locator(".conn")).ToHaveTextAsync("en ligne");
        await Assertions.Expect(member.Locator(".ws-poll__voters")).ToHaveTextAsync("1 votant");
        await Assertions.Expect(member.Locator(".tally__text")).ToHaveTextAsync([new Regex("^Baobab : 1 voix \\(100 %\\)"), new Regex("^Bocaux : 0 voix \\(0 %\\)")]);
        // And it takes part again at once.
        await member.GetByLabel("Bocaux", new() { Exact = true }).CheckAsync();
        await member.GetByRole(AriaRole.Button, new() { Name = "Voter", Exact = true }).ClickAsync();
        await Assertions.Expect(coach.Locator(".ws-poll__voters")).ToHaveTextAsync("2 votants");

        // The projector view: the question and the results, big, without controls.
        await coach.GetByRole(AriaRole.Button, new() { Name = "Vue projecteur" }).ClickAsync();
        await Assertions.Expect(coach.Locator(".ws-presenter .tally__row")).ToHaveCountAsync(2);
        await Assertions.Expect(coach.Locator(".ws-presenter").GetByRole(AriaRole.Button, new() { Name = "Ouvrir le vote" })).ToHaveCountAsync(0);
        await PageChecks.AssertNoSeriousAccessibilityViolations(coach, "workshop projector view");
        await PageChecks.AssertNoSeriousAccessibilityViolations(member, "workshop session with questions (member, phone)");
        await PageChecks.Screenshot(coach, "workshop-projector-desktop");
        await coach.GetByRole(AriaRole.Button, new() { Name = "Quitter la vue projecteur" }).ClickAsync();
        await Assertions.Expect(coach.Locator(".ws-coach")).ToBeVisibleAsync();

        foreach (var page in everyone)
        {
            await page.Context.CloseAsync();
        }
    }

    private static async Task AddIdea(IPage page, string column, string text)
    {
        await page.GetByLabel($"Nouvelle idée dans « {column} »").FillAsync(text);
        await page.GetByRole(AriaRole.Region, new() { Name = column, Exact = true }).GetByRole(AriaRole.Button, new() { Name = "Ajouter", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".ws-note__text", new() { HasText = text }).First).ToBeVisibleAsync();
    }

    /// <summary>The coach's "move to / merge with" on a note, by the target's visible label (a column title or a note's text).</summary>
    private static async Task CoachTarget(IPage coach, string noteText, string targetLabel)
    {
        var note = coach.Locator(".ws-note", new() { Has = coach.Locator(".ws-note__text", new() { HasTextRegex = new Regex($"^{Regex.Escape(noteText)}$") }) });
        await note.Locator("select").SelectOptionAsync(new SelectOptionValue { Label = targetLabel });
        await note.GetByRole(AriaRole.Button, new() { Name = "Appliquer" }).ClickAsync();
    }

    [GeneratedRegex("#/ateliers/([a-z0-9-]+)")]
    private static partial Regex WorkshopId();
}
