using System.Collections.Immutable;
using Kaolack.Contracts.Plans;

namespace Kaolack.Web.Tests.Projects;

/// <summary>The project workspace in real browsers: live co-editing of a plan, read-only viewers, offline edits.</summary>
public sealed class ProjectWorkspaceTests(WebFixture web) : WebTests(web)
{
    private static readonly TimeSpan Convergence = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Two_editors_co_edit_a_section_and_the_task_table_and_a_viewer_follows_without_editing()
    {
        var project = await WorkspaceProject.CreateAsync(Web.Host, "Huile et arachide : échanges croisés");
        var awa = await OpenAs(DemoAccounts.KaolackMember, project);
        var youssef = await OpenAs(DemoAccounts.OrientalMember, project);
        var mariama = await OpenAs(DemoAccounts.Viewer, project);

        // A section, with a first line everyone sees.
        await awa.GetByRole(AriaRole.Button, new() { Name = "Ajouter une section" }).ClickAsync();
        var heading = awa.GetByLabel("Titre de la section").First;
        await heading.FillAsync("Budget");
        await heading.PressAsync("Enter");
        const string firstLine = "Budget partagé entre les deux régions.";
        await Body(awa, "Budget").ClickAsync();
        await Body(awa, "Budget").PressSequentiallyAsync(firstLine);
        await Assertions.Expect(Body(youssef, "Budget")).ToHaveValueAsync(firstLine);

        // Both type at once: Awa at the start, Youssef at the end.
        const string awaText = "Kaolack apporte l'arachide. ";
        const string youssefText = " Oujda apporte l'huile d'olive ⇄ زيت الزيتون.";
        await Task.WhenAll(TypeAt(awa, "Budget", "Control+Home", awaText), TypeAt(youssef, "Budget", "Control+End", youssefText));
        var expected = awaText + firstLine + youssefText;
        foreach (var page in new[] { awa, youssef, mariama })
        {
            await Assertions.Expect(Body(page, "Budget")).ToHaveValueAsync(expected, new() { Timeout = (float)Convergence.TotalMilliseconds });
        }

        // The task table: one adds a task while the other renames the first one.
        await awa.GetByRole(AriaRole.Button, new() { Name = "Ajouter une tâche" }).ClickAsync();
        await CommitField(awa.GetByLabel("Titre, tâche 1", new() { Exact = true }), "Presse");
        await Assertions.Expect(youssef.GetByLabel("Titre, tâche 1", new() { Exact = true })).ToHaveValueAsync("Presse");
        await Task.WhenAll(
            AddTask(awa, "Transport des olives vers Kaolack"),
            CommitField(youssef.GetByLabel("Titre, tâche 1", new() { Exact = true }), "Presse à huile"));
        string[] tasks = ["Presse à huile", "Transport des olives vers Kaolack"];
        await Eventually.True(async () =>
        {
            var seen = await Task.WhenAll(new[] { awa, youssef, mariama }.Select(TaskTitles));
            return seen.All(titles => titles.SequenceEqual(tasks));
        }, "the three pages to show the same tasks", Convergence);
        Assert.Equal(await Body(awa, "Budget").InputValueAsync(), await Body(youssef, "Budget").InputValueAsync());

        // A task's notes are live text too.
        const string notesLabel = "Notes de la tâche « Presse à huile »";
        await awa.GetByRole(AriaRole.Button, new() { Name = notesLabel }).ClickAsync();
        await youssef.GetByRole(AriaRole.Button, new() { Name = notesLabel }).ClickAsync();
        await awa.GetByRole(AriaRole.Textbox, new() { Name = notesLabel }).PressSequentiallyAsync("Presse de 50 L, livrée à Taourirt.");
        await Assertions.Expect(youssef.GetByRole(AriaRole.Textbox, new() { Name = notesLabel })).ToHaveValueAsync("Presse de 50 L, livrée à Taourirt.");

        // The viewer sees all of it, and nothing is editable.
        await Assertions.Expect(mariama.GetByText("Lecture seule.")).ToBeVisibleAsync();
        await Assertions.Expect(Body(mariama, "Budget")).Not.ToBeEditableAsync();
        await Assertions.Expect(mariama.GetByLabel("Titre, tâche 1", new() { Exact = true })).Not.ToBeEditableAsync();
        await Assertions.Expect(mariama.GetByLabel("Statut, tâche 1", new() { Exact = true })).ToBeDisabledAsync();
        await Assertions.Expect(mariama.GetByRole(AriaRole.Button, new() { Name = "Ajouter une tâche" })).ToHaveCountAsync(0);
        await Assertions.Expect(mariama.GetByRole(AriaRole.Button, new() { Name = "Ajouter une section" })).ToHaveCountAsync(0);
        await Assertions.Expect(awa.GetByText("Lecture seule.")).ToHaveCountAsync(0);

        // Presence: each editor sees the other.
        await Assertions.Expect(awa.Locator(".presence__list")).ToContainTextAsync("Youssef Benali");
        await Assertions.Expect(youssef.Locator(".presence__list")).ToContainTextAsync("Awa Ndiaye");

        foreach (var page in new[] { awa, youssef, mariama })
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Text_typed_offline_is_kept_and_arrives_once_back_online()
    {
        var (_, awa, youssef) = await OpenForBothEditors("Caravane de la Foire de Kaolack",
            (PlanEntityKind.Section, "logistique", Fields(("heading", "Logistique"), ("body", "Départ de Kaolack le 3 mars."))));
        await Assertions.Expect(Body(youssef, "Logistique")).ToHaveValueAsync("Départ de Kaolack le 3 mars.");

        await youssef.Context.SetOfflineAsync(true);
        await Assertions.Expect(youssef.Locator(".conn")).ToHaveTextAsync("hors ligne");
        const string offlineText = " Arrivée à Oujda le 6 mars, stand au Salon de l'ESS.";
        await TypeAt(youssef, "Logistique", "Control+End", offlineText);
        await Assertions.Expect(youssef.GetByText("Hors ligne : vos modifications sont gardées")).ToBeVisibleAsync();
        // Meanwhile the other side keeps writing.
        const string awaText = "Convoi de 2 camions. ";
        await TypeAt(awa, "Logistique", "Control+Home", awaText);
        // Nothing of Youssef's text reached Awa while he was offline.
        await Assertions.Expect(Body(awa, "Logistique")).ToHaveValueAsync(awaText + "Départ de Kaolack le 3 mars.");

        await youssef.Context.SetOfflineAsync(false);
        var expected = awaText + "Départ de Kaolack le 3 mars." + offlineText;
        await Assertions.Expect(Body(awa, "Logistique")).ToHaveValueAsync(expected, new() { Timeout = (float)Convergence.TotalMilliseconds });
        await Assertions.Expect(Body(youssef, "Logistique")).ToHaveValueAsync(expected, new() { Timeout = (float)Convergence.TotalMilliseconds });
        await Assertions.Expect(youssef.Locator(".conn")).ToHaveTextAsync("en ligne");
        await Assertions.Expect(youssef.GetByText("Tout est enregistré")).ToBeVisibleAsync();

        await awa.Context.CloseAsync();
        await youssef.Context.CloseAsync();
    }

    [Fact]
    public async Task Text_typed_offline_survives_leaving_the_page_and_is_sent_by_the_next_one()
    {
        var (project, awa, youssef) = await OpenForBothEditors("Miel de l'Oriental à Kaolack",
            (PlanEntityKind.Section, "miel", Fields(("heading", "Miel"), ("body", "Deux ruchers pilotes."))));

        await youssef.Context.SetOfflineAsync(true);
        await Assertions.Expect(youssef.Locator(".conn")).ToHaveTextAsync("hors ligne");
        const string offlineText = " Formation des apiculteurs à Berkane.";
        await TypeAt(youssef, "Miel", "Control+End", offlineText);
        // The page goes away before the network comes back: the edit waits in this browser's storage.
        await youssef.GotoAsync("about:blank");
        await youssef.Context.SetOfflineAsync(false);
        await Assertions.Expect(Body(awa, "Miel")).ToHaveValueAsync("Deux ruchers pilotes.");

        await youssef.GotoAsync(project.Path);
        await Assertions.Expect(Body(awa, "Miel")).ToHaveValueAsync("Deux ruchers pilotes." + offlineText, new() { Timeout = (float)Convergence.TotalMilliseconds });
        await Assertions.Expect(Body(youssef, "Miel")).ToHaveValueAsync("Deux ruchers pilotes." + offlineText);

        await awa.Context.CloseAsync();
        await youssef.Context.CloseAsync();
    }

    [Fact]
    public async Task A_named_version_is_saved_viewed_and_restored_for_everyone_and_each_entity_has_its_history()
    {
        var (project, awa, youssef) = await OpenForBothEditors("Couscous et mil : recettes croisées",
            (PlanEntityKind.Section, "objectifs", Fields(("heading", "Objectifs"), ("body", "Former dix transformatrices."))));

        await awa.GetByRole(AriaRole.Tab, new() { Name = "Versions" }).ClickAsync();
        await awa.GetByLabel("Nom de la version").FillAsync("Avant la foire");
        await awa.GetByRole(AriaRole.Button, new() { Name = "Enregistrer cette version" }).ClickAsync();
        await Assertions.Expect(awa.GetByText("Version « Avant la foire » enregistrée.")).ToBeVisibleAsync();
        await Assertions.Expect(awa.Locator(".versions__item")).ToContainTextAsync("par Awa Ndiaye");
        await Assertions.Expect(awa.Locator(".versions__item")).ToContainTextAsync("à Dakar");

        // The plan changes after the save.
        await TypeAt(youssef, "Objectifs", "Control+End", " Puis vingt.");
        await Assertions.Expect(Body(awa, "Objectifs")).ToHaveValueAsync("Former dix transformatrices. Puis vingt.");

        // The saved version, read-only, still has the old text.
        await awa.GetByRole(AriaRole.Button, new() { Name = "Voir « Avant la foire »" }).ClickAsync();
        await Assertions.Expect(awa.Locator(".version-preview")).ToContainTextAsync("Former dix transformatrices.");
        await Assertions.Expect(awa.Locator(".version-preview")).Not.ToContainTextAsync("Puis vingt.");
        await PageChecks.AssertNoSeriousAccessibilityViolations(awa, "project versions", "#main");
        await PageChecks.Screenshot(awa, "project-versions");

        // Restoring is a live edit: Youssef's page follows without reloading.
        await awa.GetByRole(AriaRole.Button, new() { Name = "Restaurer « Avant la foire »" }).ClickAsync();
        await awa.GetByRole(AriaRole.Button, new() { Name = "Oui, restaurer" }).ClickAsync();
        await Assertions.Expect(awa.GetByText("Le plan a été restauré à la version « Avant la foire ».")).ToBeVisibleAsync();
        await Assertions.Expect(Body(youssef, "Objectifs")).ToHaveValueAsync("Former dix transformatrices.", new() { Timeout = (float)Convergence.TotalMilliseconds });

        // Per-entity history: who changed the section, newest first.
        await youssef.GetByRole(AriaRole.Button, new() { Name = "Historique de la section « Objectifs »" }).ClickAsync();
        var history = youssef.Locator(".history__panel");
        await Assertions.Expect(history.Locator("li").First).ToContainTextAsync("Awa Ndiaye a modifié le texte");
        await Assertions.Expect(history).ToContainTextAsync("Youssef Benali a modifié le texte");
        await PageChecks.AssertNoSeriousAccessibilityViolations(youssef, "project history", "#main");

        await awa.Context.CloseAsync();
        await youssef.Context.CloseAsync();
    }

    [Fact]
    public async Task The_project_page_is_accessible_and_reads_well_on_a_desktop_and_a_phone()
    {
        var project = await WorkspaceProject.CreateAsync(Web.Host, "Huile d'olive ⇄ arachide : Foire de Kaolack 2026");
        await project.SeedPlanAsync(Web.Host,
        [
            (PlanEntityKind.Section, "contexte", Fields(("heading", "Contexte"), ("body",
                "Les coopératives de Kaolack transforment l'arachide ; celles de l'Oriental pressent l'olive.\nLe projet organise leur présence croisée à la Foire internationale de Kaolack et au Salon de l'ESS de l'Oriental."))),
            (PlanEntityKind.Section, "budget", Fields(("heading", "Budget"), ("body", "12 000 000 FCFA : transport des produits, stands, hébergement des délégations."))),
            (PlanEntityKind.Milestone, "foire", Fields(("title", "Foire internationale de Kaolack"), ("dueDate", "2026-03-10"), ("status", "in-progress"), ("ownerRegion", "kaolack"))),
            (PlanEntityKind.Milestone, "salon", Fields(("title", "Salon de l'ESS de l'Oriental"), ("dueDate", "2026-06-20"), ("status", "planned"), ("ownerRegion", "oriental"))),
            (PlanEntityKind.Task, "stand", Fields(("title", "Réserver le stand commun"), ("assignee", "Awa Ndiaye"), ("dueDate", "2026-02-01"), ("status", "done"), ("milestoneId", "foire"))),
            (PlanEntityKind.Task, "transport", Fields(("title", "Transport de l'huile d'olive"), ("assignee", "Youssef Benali"), ("dueDate", "2026-02-20"), ("status", "doing"), ("milestoneId", "foire"))),
            (PlanEntityKind.Task, "accueil", Fields(("title", "Accueil de la délégation de Kaolack"), ("assignee", "Youssef Benali"), ("status", "todo"), ("milestoneId", "salon"))),
        ]);
        var youssef = await OpenAs(DemoAccounts.OrientalMember, project);
        await Body(youssef, "Budget").ClickAsync();

        var desktop = await OpenAs(DemoAccounts.KaolackMember, project);
        await Assertions.Expect(desktop.Locator(".presence__list")).ToContainTextAsync("Youssef Benali modifie Budget");
        await PageChecks.AssertNoSeriousAccessibilityViolations(desktop, "project", "#main");
        await PageChecks.Screenshot(desktop, "project-desktop");

        var phone = await OpenAs(DemoAccounts.Viewer, project, Viewports.Phone);
        await Assertions.Expect(Body(phone, "Contexte")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^Les coopératives"));
        await PageChecks.AssertNoSeriousAccessibilityViolations(phone, "project (phone, viewer)", "#main");
        await PageChecks.Screenshot(phone, "project-phone");

        await phone.GetByRole(AriaRole.Tab, new() { Name = "Activité" }).ClickAsync();
        await Assertions.Expect(phone.GetByText("à Dakar").First).ToBeVisibleAsync();
        await PageChecks.AssertNoSeriousAccessibilityViolations(phone, "project activity", "#main");

        foreach (var page in new[] { youssef, desktop, phone })
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>A new project whose plan holds <paramref name="plan"/>, open in the browsers of its editors Awa (Kaolack) and Youssef (Oriental).</summary>
    private async Task<(WorkspaceProject Project, IPage Awa, IPage Youssef)> OpenForBothEditors(
        string title, params (PlanEntityKind Kind, string Id, ImmutableDictionary<string, string> Fields)[] plan)
    {
        var project = await WorkspaceProject.CreateAsync(Web.Host, title);
        await project.SeedPlanAsync(Web.Host, plan);
        return (project, await OpenAs(DemoAccounts.KaolackMember, project), await OpenAs(DemoAccounts.OrientalMember, project));
    }

    private async Task<IPage> OpenAs(string email, WorkspaceProject project, ViewportSize? viewport = null)
    {
        var page = await Web.SignedInPageAsync(email, viewport);
        await page.GotoAsync(project.Path);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = project.Title })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".plan")).ToBeVisibleAsync();
        return page;
    }

    private static ILocator Body(IPage page, string heading) => page.GetByLabel($"Texte de la section {heading}", new() { Exact = true });

    private static async Task TypeAt(IPage page, string heading, string caretKey, string text)
    {
        var body = Body(page, heading);
        await body.ClickAsync();
        await body.PressAsync(caretKey);
        await body.PressSequentiallyAsync(text, new() { Delay = 10 });
    }

    /// <summary>Types into a cell and leaves it with Enter, which sends the change.</summary>
    private static async Task CommitField(ILocator field, string value)
    {
        await field.FillAsync(value);
        await field.PressAsync("Enter");
    }

    private static async Task AddTask(IPage page, string title)
    {
        var count = await page.Locator("input[id^='task-'][id$='-first']").CountAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter une tâche" }).ClickAsync();
        await CommitField(page.GetByLabel($"Titre, tâche {count + 1}", new() { Exact = true }), title);
    }

    private static async Task<string[]> TaskTitles(IPage page) =>
        await page.EvalOnSelectorAllAsync<string[]>("input[id^='task-'][id$='-first']", "inputs => inputs.map(i => i.value)");

    private static ImmutableDictionary<string, string> Fields(params (string Name, string Value)[] fields) =>
        fields.ToImmutableDictionary(f => f.Name, f => f.Value);
}
