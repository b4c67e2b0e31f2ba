using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Kaolack.Client;
using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Plans;
using Kaolack.Contracts.Text;
using Kaolack.Contracts.Wire;
using Kaolack.Testing;

namespace Kaolack.Client.Tests;

/// <summary>
/// The server's plan rules, written down as cases for the web client, which applies ops in TypeScript and tests against
/// a simulated server of its own: each case is a run of submissions from three clients at stale base versions, as the
/// server's <see cref="PlanSequencer"/> answered them (ack, drop or refusal code), the changes it applied, and the
/// document it ended with. `web/src/plan/planRules.cases.test.ts` holds the client's rules and the simulator to these
/// answers, so the two languages keep one set of rules. The committed file must be what the rules produce now.
/// </summary>
public sealed class PlanRulesCases
{
    private const string UpdateVariable = "KAOLACK_UPDATE_PLAN_CASES";

    private const int Cases = 24;

    private const int SubmissionsPerCase = 30;

    private static readonly DateTimeOffset At = new(2026, 6, 1, 10, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerOptions Json = new(WireJson.Options)
    {
        // Arabic, accents and emoji as they are, not escaped: the cases read like the plans they stand for.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static string CasesFile => Path.Combine(RepositoryRoot.Path, "web", "src", "plan", "testing", "planRules.cases.json");

    [Fact]
    public void The_web_clients_cases_are_what_the_server_rules_answer()
    {
        var generated = Canonical(JsonSerializer.SerializeToNode(Generate(), Json))!.ToJsonString(Json) + "\n";
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(CasesFile, generated);
        }
        var committed = File.Exists(CasesFile) ? File.ReadAllText(CasesFile) : "";
        Assert.True(committed == generated,
            $"{CasesFile} is not what the plan rules answer now: run `{UpdateVariable}=1 dotnet test tests/Kaolack.Client.Tests --filter PlanRulesCases`, then `npm --prefix web test`.");
    }

    [Fact]
    public void The_cases_cover_every_outcome_the_web_client_must_handle()
    {
        var steps = Generate().SelectMany(c => c.Steps).ToList();
        Assert.Contains(steps, s => s.Version is not null);
        Assert.Contains(steps, s => s.Reason == PlanDropReasons.EntityDeleted);
        Assert.Contains(steps, s => s.Reason == PlanDropReasons.EntityExists);
        Assert.Contains(steps, s => s.Reason == PlanDropReasons.EntityMissing);
        Assert.Contains(steps, s => s.Error == ErrorCodes.ValidationFailed && !s.Valid);
        Assert.Contains(steps, s => s.Duplicate);
        // Late ops transformed over others: the change applied differs from the op sent.
        Assert.Contains(steps, s => s.Applied is not null);
    }

    /// <summary>Deterministic: the same rules give the same file.</summary>
    private static List<PlanCase> Generate() => [.. Enumerable.Range(0, Cases).Select(GenerateCase)];

    private static PlanCase GenerateCase(int seed)
    {
        var random = new Random(seed);
        var sequencer = new PlanSequencer(PlanModel.Empty, 0);
        var models = new List<PlanModel> { PlanModel.Empty };
        var steps = new List<PlanStep>();
        var seq = new Dictionary<string, long>(StringComparer.Ordinal);
        var editors = Enumerable.Range(0, 3).Select(i => new RandomEditor(i, random)).ToArray();

        void Submit(string clientId, long baseVersion, PlanOp op, bool duplicate = false)
        {
            var submission = new PlanSubmission(clientId, duplicate ? seq[clientId] : seq[clientId] = seq.GetValueOrDefault(clientId) + 1, baseVersion, op);
            var valid = IsValid(op);
            try
            {
                PlanRules.ValidateSubmission(submission);
                var outcome = sequencer.Sequence(submission, $"u-{clientId}", At);
                if (outcome.Change is not null)
                {
                    models.Add(sequencer.Model);
                }
                var transformed = outcome.Change is { } change && change.Op != op ? change.Op : null;
                steps.Add(new PlanStep(submission, valid, duplicate, outcome.Ack.Version, outcome.Ack.Reason, transformed, null));
            }
            catch (DomainException refusal)
            {
                steps.Add(new PlanStep(submission, valid, duplicate, null, null, null, refusal.Code));
            }
        }

        foreach (var op in RandomEditor.Seed())
        {
            Submit("seed", sequencer.Version, op);
        }
        for (var i = 0; i < SubmissionsPerCase; i++)
        {
            var client = random.Next(editors.Length);
            var clientId = $"c{client}";
            // Up to five versions behind: the op is made on the document as the client last saw it.
            var baseVersion = Math.Max(0, sequencer.Version - random.Next(6));
            var roll = random.Next(20);
            if (roll == 0 && seq.ContainsKey(clientId))
            {
                Submit(clientId, baseVersion, steps.Last(s => s.Submission.ClientId == clientId).Submission.Op, duplicate: true);
            }
            else if (roll == 1)
            {
                Submit(clientId, baseVersion, Invalid(random));
            }
            else if (roll == 2)
            {
                Submit(clientId, baseVersion, Stray(random, models[(int)baseVersion]));
            }
            else if (editors[client].Next(models[(int)baseVersion]) is { } op)
            {
                Submit(clientId, baseVersion, op);
            }
        }
        return new PlanCase(seed, steps, sequencer.Version, sequencer.Model.ToDocument());
    }

    /// <summary>Members in name order at every level: fields are a dictionary, whose order would differ from run to run.</summary>
    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject members => new JsonObject(members.OrderBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => KeyValuePair.Create(m.Key, Canonical(m.Value?.DeepClone())))),
        JsonArray items => new JsonArray([.. items.Select(item => Canonical(item?.DeepClone()))]),
        _ => node?.DeepClone(),
    };

    private static bool IsValid(PlanOp op)
    {
        try
        {
            PlanRules.Validate(op);
            return true;
        }
        catch (ValidationFailedException)
        {
            return false;
        }
    }

    /// <summary>An op that no document accepts, of a kind the web client must refuse too.</summary>
    private static PlanOp Invalid(Random random) => random.Next(4) switch
    {
        0 => PlanOps.Add(PlanEntityKind.Task, "id with spaces", "a0", new Dictionary<string, string> { [PlanFields.Title] = "x" }),
        1 => PlanOps.Set(PlanEntityKind.Task, "seed-task-0", PlanFields.Status, "unknown-status"),
        2 => PlanOps.Set(PlanEntityKind.Section, "seed-section-0", "no-such-field", "x"),
        _ => PlanOps.Text(PlanEntityKind.Milestone, "seed-milestone-0", PlanFields.Title, TextOp.InsertAt(0, "x")),
    };

    /// <summary>A valid op the document drops: an add of an id taken, or an edit of an entity that never was.</summary>
    private static PlanOp Stray(Random random, PlanModel document) =>
        random.Next(2) == 0 && document.Ordered(PlanEntityKind.Task) is [var task, ..]
            ? PlanOps.Add(PlanEntityKind.Task, task.Id, "a0", new Dictionary<string, string> { [PlanFields.Title] = "Doublon" })
            : PlanOps.Set(PlanEntityKind.Milestone, "jamais-cree", PlanFields.Title, "Fantôme");

    private sealed record PlanCase(int Seed, List<PlanStep> Steps, long Version, PlanDocument Document);

    /// <param name="Valid">Whether <see cref="PlanRules.Validate"/> accepts the op whatever the document.</param>
    /// <param name="Duplicate">The submission repeats the client's last seq (a resubmission).</param>
    /// <param name="Applied">The op as applied, when the sequencer transformed it over ops applied after its base version.</param>
    /// <param name="Error">The refusal's code, when the sequencer refused the submission.</param>
    private sealed record PlanStep(
        PlanSubmission Submission, bool Valid, bool Duplicate, long? Version, string? Reason, PlanOp? Applied, string? Error);
}
