namespace Bylab.Core.Ideas;

/// <summary>Audit codes for staff actions on ideas and consultations; the web layer translates them.</summary>
public static class IdeaAuditActions
{
    public const string ThemeCreated = "theme.created";
    public const string ThemeUpdated = "theme.updated";
    public const string ConsultationCreated = "consultation.created";
    public const string ConsultationUpdated = "consultation.updated";
    public const string ConsultationConcluded = "consultation.concluded";
    public const string IdeaAnswered = "idea.answered";
    public const string IdeaMerged = "idea.merged";
}
