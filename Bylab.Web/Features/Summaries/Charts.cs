using System.Globalization;

namespace Bylab.Web.Features.Summaries;

public sealed record ChartBar(string Label, int Value);

/// <summary>A horizontal bar chart drawn as SVG on the server (<c>_BarChart</c>): no script, a text alternative and its table.</summary>
public sealed record BarChartModel(string Id, string Title, string ValueHeading, IReadOnlyList<ChartBar> Bars)
{
    public const int Width = 600;
    public const int RowHeight = 28;
    public const int LabelWidth = 230;

    public int Max => Bars.Count == 0 ? 0 : Bars.Max(b => b.Value);

    public double BarWidth(int value) => Max == 0 ? 0 : (Width - LabelWidth - 60) * (double)value / Max;

    public int Height => Math.Max(1, Bars.Count) * RowHeight + 8;
}

/// <summary>A line of totals over time, drawn as SVG (<c>_LineChart</c>), with a text alternative.</summary>
public sealed record LineChartModel(string Id, string Title, IReadOnlyList<(DateOnly Day, int Value)> Points)
{
    public const int Width = 600;
    public const int Height = 160;
    private const int Pad = 30;

    public int Max => Points.Count == 0 ? 0 : Points.Max(p => p.Value);

    /// <summary>The polyline's points, left to right, the first day at the left edge and the last at the right.</summary>
    public string Polyline()
    {
        if (Points.Count == 0)
        {
            return "";
        }
        var step = Points.Count == 1 ? 0 : (Width - 2.0 * Pad) / (Points.Count - 1);
        var max = Math.Max(1, Max);
        return string.Join(" ", Points.Select((p, i) => string.Create(CultureInfo.InvariantCulture,
            $"{Pad + i * step:0.#},{Height - Pad - (Height - 2.0 * Pad) * p.Value / max:0.#}")));
    }
}

/// <summary>One breakdown (theme, principle, goal): its rows with the labels shown.</summary>
public sealed record BreakdownModel(string Id, string Title, IReadOnlyList<(string Label, Bylab.Core.Summaries.BreakdownRow Row)> Rows,
    bool ContentIsBokmal = false);
