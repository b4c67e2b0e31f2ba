using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Kaolack.Web.Tests.Workshops;

public sealed class WorkshopSessionTests(WebFixture web) : WebTests(web)
{
    [Fact]
    public async Task A_coach_runs_a_workshop_with_a_member_and_a_guest_who_see_the_same_timer_results_and_board()
    {
        // The coach prepares the workshop through the form; the code is shown big on the session page.
        var coach = await Web.SignedInPageAsync(DemoAccounts.Coach);
        await coach.GotoAsync("/#/ateliers/nouveau");
        await coach.Locator("#workshop-title").FillAsync("Préparer la Foire de Kaolack ensemble");
        await coach.Locator("#workshop-startsAt").FillAsync("2026-06-10T10:00");
        await Assertions.Expect(coach.GetByText("Soit 10:00 à Dakar · 11:00 à Oujda", new() { Exact = false })).ToBeVisibleAsync();
        await coach.Locator("#agenda-title-0").FillAsync("Tour de table");
        await coach.GetByRole(AriaRole.Button, new() { Name = "Ajouter un point" }).ClickAsync();
        await coach.Locator("#agenda-title-1").FillAsync("Stand commun");
        await coach.GetByRole(AriaRole.Button, new() { Name = "Créer l’atelier" }).ClickAsync();
        var codeShown = coach.Locator(".ws-code__code");
        await Assertions.Expect(codeShown).ToBeVisibleAsync();
        var code = await codeShown.GetAttributeAsync("data-code") ?? throw new InvalidOperationException("No join code shown.");

        // A member joins by the shared link, signed in; a guest by the same link with a name only. Both on phones.
        var member = await Web.SignedInPageAsync(DemoAccounts.KaolackMember, Viewports.Phone);
        await member.GotoAsync($"/#/atelier?code={code}");
        await member.GetByRole(AriaRole.Button, new() { Name = "Rejoindre", Exact = true }).ClickAsync();
        var guest = await Web.NewPageAsync(Viewports.Phone);
        await guest.GotoAsync($"/#/atelier?code={code}");
        await guest.Locator("#join-displayName").FillAsync("Fatou Sarr");
        await guest.GetByRole(AriaRole.Button, new() { Name = "Rejoindre", Exact = true }).ClickAsync();
        var everyone = new[] { coach, member, guest };
        foreach (var page in everyone)
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Préparer la Foire de Kaolack ensemble" })).ToBeVisibleAsync();
        }
        await Assertions.Expect(coach.Locator(".ws-attendance")).ToContainTextAsync("Fatou Sarr");
        await Assertions.Expect(coach.Locator(".ws-attendance")).ToContainTextAsync("Awa Ndiaye");
        // Coach controls are the coach's only.
        await Assertions.Expect(member.GetByRole(AriaRole.Button, new() { Name = "Démarrer l’atelier" })).ToHaveCountAsync(0);
        await Assertions.Expect(guest.Locator(".ws-code")).ToHaveCountAsync(0);

        // The coach starts; everyone sees the first item.
        await coach.GetByRole(AriaRole.Button, new() { Name = "Démarrer l’atelier" }).ClickAsync();
        foreach (var page in everyone)
        {
            await Assertions.Expect(page.Locator(".ws-current__title")).ToHaveTextAsync("Tour de table");
        }

        // A 30-second timer: every screen shows the same time left, within a second.
        await coach.Locator("#ws-timer-seconds").FillAsync("30");
        await coach.GetByRole(AriaRole.Button, new() { Name = "Lancer", Exact = true }).ClickAsync();
        foreach (var page in everyone)
        {
            await Assertions.Expect(page.Locator(".ws-timer__clock--running")).ToBeVisibleAsync();
        }
        var clock = Stopwatch.StartNew();
        var shown = new List<double>();
        foreach (var page in everyone)
        {
            // The milliseconds behind what is shown ("0:27"), brought back to the instant of the first reading.
            var left = await page.Locator(".ws-timer__clock").GetAttributeAsync("data-remaining-ms");
            shown.Add(double.Parse(left ?? "", CultureInfo.InvariantCulture) / 1000 + clock.Elapsed.TotalSeconds);
        }
        Assert.All(shown, s => Assert.InRange(s, 1, 30.5));
        Assert.True(shown.Max() - shown.Min() <= 1.0, $"Times shown: {string.Join(", ", shown)}");

        // A poll: the coach creates and opens it, both participants vote, results revealed match everywhere.
        await coach.GetByText("Nouveau sondage").ClickAsync();
        await coach.Locator("#poll-question").FillAsync("Quel salon en premier ?");
        await coach.Locator("#poll-options").FillAsync("Foire internationale de Kaolack\nSalon de l'ESS de l'Oriental");
        await coach.GetByRole(AriaRole.Button, new() { Name = "Créer le sondage" }).ClickAsync();
        await coach.GetByRole(AriaRole.Button, new() { Name = "Ouvrir le vote" }).ClickAsync();
        await member.GetByLabel("Salon de l'ESS de l'Oriental").CheckAsync();
        await member.GetByRole(AriaRole.Button, new() { Name = "Voter", Exact = true }).ClickAsync();
        await guest.GetByLabel("Salon de l'ESS de l'Oriental").CheckAsync();
        await guest.GetByRole(AriaRole.Button, new() { Name = "Voter", Exact = true }).ClickAsync();
        await Assertions.Expect(coach.Locator(".ws-poll__voters")).ToHaveTextAsync("2 votants");
        // A participant changes their mind while it is open.
        await guest.GetByLabel("Foire internationale de Kaolack").CheckAsync();
        await guest.GetByRole(AriaRole.Button, new() { Name = "Changer mon vote" }).ClickAsync();
        await Assertions.Expect(coach.Locator(".tally__row").First).ToHaveAttributeAsync("data-count", "1");
        await Assertions.Expect(member.Locator(".tally")).ToHaveCountAsync(0);
        await coach.GetByRole(AriaRole.Button, new() { Name = "Montrer les résultats" }).ClickAsync();
        foreach (var page in everyone)
        {
            await Assertions.Expect(page.Locator(".tally__text")).ToHaveTextAsync(
                [new Regex("^Foire internationale de Kaolack : 1 voix \\(50 %\\)"), new Regex("^Salon de l'ESS de l'Oriental : 1 voix \\(50 %\\)")]);
        }

        // The idea board: a column, three dots each; notes added, dots spent, the same counts everywhere.
        await coach.Locator("#board-column").FillAsync("Pour la Foire");
        await coach.GetByRole(AriaRole.Button, new() { Name = "Ajouter la colonne" }).ClickAsync();
        await coach.Locator("#board-budget").FillAsync("3");
        await coach.GetByRole(AriaRole.Button, new() { Name = "Fixer" }).ClickAsync();
        await member.GetByLabel("Nouvelle idée dans « Pour la Foire »").FillAsync("Stand commun huile et arachide");
        await member.GetByRole(AriaRole.Button, new() { Name = "Ajouter", Exact = true }).ClickAsync();
        await guest.GetByLabel("Nouvelle idée dans « Pour la Foire »").FillAsync("Emballages partagés");
        await guest.GetByRole(AriaRole.Button, new() { Name = "Ajouter", Exact = true }).ClickAsync();
        var addToStand = "Ajouter un point à « Stand commun huile et arachide »";
        var addToPackaging = "Ajouter un point à « Emballages partagés »";
        foreach (var page in new[] { member, guest })
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = addToPackaging })).ToBeEnabledAsync();
        }
        await member.GetByRole(AriaRole.Button, new() { Name = addToStand }).ClickAsync();
        await Assertions.Expect(member.Locator(".ws-board__budget")).ToHaveTextAsync("Il vous reste 2 points sur 3.");
        await member.GetByRole(AriaRole.Button, new() { Name = addToStand }).ClickAsync();
        await Assertions.Expect(member.Locator(".ws-board__budget")).ToHaveTextAsync("Il vous reste 1 point sur 3.");
        await guest.GetByRole(AriaRole.Button, new() { Name = addToStand }).ClickAsync();
        await Assertions.Expect(guest.Locator(".ws-board__budget")).ToHaveTextAsync("Il vous reste 2 points sur 3.");
        await guest.GetByRole(AriaRole.Button, new() { Name = addToPackaging }).ClickAsync();
        await Assertions.Expect(guest.Locator(".ws-board__budget")).ToHaveTextAsync("Il vous reste 1 point sur 3.");
        foreach (var page in everyone)
        {
            await Assertions.Expect(page.Locator(".ws-note")).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator(".ws-note[data-note] .ws-note__text")).ToHaveTextAsync(["Stand commun huile et arachide", "Emballages partagés"]);
            await Assertions.Expect(page.Locator(".ws-note__count")).ToHaveTextAsync([new Regex("^3 points"), new Regex("^1 point")]);
        }

        // The shared notes, co-edited live: the coach opens a section and writes; the guest, on a phone, reads it as it
        // is typed and adds a line the coach sees.
        var coachNotes = coach.Locator("#ws-shared-notes");
        await coachNotes.GetByRole(AriaRole.Button, new() { Name = "Ajouter une section" }).ClickAsync();
        var heading = coachNotes.GetByLabel("Titre de la section").First;
        await heading.FillAsync("Décisions");
        await heading.PressAsync("Enter");
        const string decided = "Un stand commun à la Foire.";
        const string guestLine = "\nFatou apporte les emballages.";
        await NotesBody(coach, "Décisions").ClickAsync();
        await NotesBody(coach, "Décisions").PressSequentiallyAsync(decided);
        await Assertions.Expect(NotesBody(guest, "Décisions")).ToHaveValueAsync(decided);
        await NotesBody(guest, "Décisions").ClickAsync();
        await NotesBody(guest, "Décisions").PressAsync("Control+End");
        await NotesBody(guest, "Décisions").PressSequentiallyAsync(guestLine);
        await Assertions.Expect(NotesBody(coach, "Décisions")).ToHaveValueAsync(decided + guestLine);
        await Assertions.Expect(NotesBody(member, "Décisions")).ToHaveValueAsync(decided + guestLine);

        // The guest is kept inside its workshop.
        var refused = await guest.EvaluateAsync<int>("async () => (await fetch('/api/cooperatives/')).status");
        Assert.True(refused is 401 or 403, $"A guest reading the cooperatives got {refused}.");
        await guest.GotoAsync("/#/");
        await Assertions.Expect(guest.Locator(".ws-current__title")).ToHaveTextAsync("Tour de table");

        await PageChecks.AssertNoSeriousAccessibilityViolations(coach, "workshop session (coach)");
        await PageChecks.AssertNoSeriousAccessibilityViolations(guest, "workshop session (guest, phone)");
        // From the top, as the page is first seen (the side column follows the scroll).
        await coach.EvaluateAsync("() => window.scrollTo(0, 0)");
        await PageChecks.Screenshot(coach, "workshop-coach-desktop");
        await PageChecks.Screenshot(member, "workshop-participant-phone");

        // The coach ends: the summary links to the exports.
        coach.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await coach.GetByRole(AriaRole.Button, new() { Name = "Terminer l’atelier" }).ClickAsync();
        var markdown = coach.GetByRole(AriaRole.Link, new() { Name = "Télécharger le compte rendu (Markdown)" });
        await Assertions.Expect(markdown).ToBeVisibleAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Heading, new() { Name = "Compte rendu" })).ToBeVisibleAsync();
        var summary = await coach.APIRequest.GetAsync(await markdown.GetAttributeAsync("href") ?? "");
        Assert.Equal(200, summary.Status);
        var summaryText = await summary.TextAsync();
        Assert.Contains("Stand commun huile et arachide", summaryText);
        Assert.Contains("Fatou apporte les emballages.", summaryText);
        // Once ended, the notes are read only, for the guest too.
        await Assertions.Expect(NotesBody(guest, "Décisions")).Not.ToBeEditableAsync();
        await PageChecks.Screenshot(coach, "workshop-summary-desktop");

        foreach (var page in everyone)
        {
            await page.Context.CloseAsync();
        }
    }

    private static ILocator NotesBody(IPage page, string heading) =>
        page.Locator("#ws-shared-notes").GetByLabel($"Texte de la section {heading}", new() { Exact = true });
}
