using Kaolack.Contracts.Errors;
using Kaolack.Contracts.Workshops;

namespace Kaolack.Grains.Workshops;

/// <summary>
/// The Q&amp;A: participants ask (anonymously when the workshop is anonymous) and upvote, each at most once per question;
/// coaches mark questions answered and delete them.
/// </summary>
public static class Questions
{
    public static WorkshopData Ask(WorkshopData data, Participant who, AskQuestion command, DateTimeOffset now)
    {
        WorkshopRules.RequireId("questionId", command.QuestionId);
        if (data.Questions.Any(q => q.Id == command.QuestionId))
        {
            throw new EntityExistsException("La question");
        }
        if (data.Questions.Length >= WorkshopRules.MaxQuestions)
        {
            throw new RuleViolationException("too-many-questions", $"{WorkshopRules.MaxQuestions} questions au plus.");
        }
        var text = WorkshopRules.RequireText("text", command.Text, WorkshopRules.MaxQuestionTextLength);
        var author = data.Details.Anonymous ? null : who.DisplayName;
        return data with { Questions = [.. data.Questions, new Question(command.QuestionId, text, who.Id, author, now, [], false)] };
    }

    /// <summary>Adds or takes back the participant's one upvote; repeating it changes nothing.</summary>
    public static WorkshopData? Upvote(WorkshopData data, string participantId, UpvoteQuestion command)
    {
        var question = Find(data, command.QuestionId);
        var has = question.Upvoters.Contains(participantId, StringComparer.Ordinal);
        if (has == command.Up)
        {
            return null;
        }
        return Replace(data, question with
        {
            Upvoters = command.Up ? [.. question.Upvoters, participantId] : [.. question.Upvoters.Where(p => p != participantId)],
        });
    }

    public static WorkshopData? MarkAnswered(WorkshopData data, MarkQuestionAnswered command)
    {
        var question = Find(data, command.QuestionId);
        return question.Answered == command.Answered ? null : Replace(data, question with { Answered = command.Answered });
    }

    public static WorkshopData Delete(WorkshopData data, string? questionId)
    {
        var question = Find(data, questionId);
        return data with { Questions = [.. data.Questions.Where(q => q.Id != question.Id)] };
    }

    private static Question Find(WorkshopData data, string? questionId) =>
        data.Questions.FirstOrDefault(q => q.Id == questionId) ?? throw new EntityNotFoundException("La question");

    private static WorkshopData Replace(WorkshopData data, Question question) =>
        data with { Questions = [.. data.Questions.Select(q => q.Id == question.Id ? question : q)] };
}
