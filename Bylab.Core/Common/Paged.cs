namespace Bylab.Core.Common;

public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;

    /// <summary>Clamps a requested page number to something a query can use.</summary>
    public static int Clamp(int page) => page < 1 ? 1 : Math.Min(page, 100_000);
}
