using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using InnoCluster.Features.Plans.Pages;
using InnoCluster.Infrastructure.Web;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace InnoCluster.Features.Plans;

/// <summary>
/// The annual report as a Word document, for the office to edit and send on: the same sections, tables and
/// numbered notes as the printed page, on A4 in the layout of GB/T 9704 (版心 156 × 225 mm; title 二号 centred,
/// headings 三号 黑体, text 三号 仿宋; page numbers at the foot from the second page), every note's link absolute.
/// </summary>
public static class AnnualReportDocx
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void Write(AnnualReport.Content c, Stream output)
    {
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.Document = new Document(new Body());
        var body = main.Document.Body!;

        body.Append(Paragraph(c.Title, size: 44, bold: true, font: "方正小标宋简体", centred: true));
        body.Append(Paragraph(Ui.L($"数据截至 {c.AsOf:yyyy年M月d日}。每个数字后的 [n] 指向文末“注释与出处”。", $"Figures as of {c.AsOf:yyyy-MM-dd}. Each [n] points to the notes at the end.")));

        body.Append(Heading(Ui.L("一、目标完成情况", "1. Targets")));
        body.Append(Table(
            [Ui.L("目标", "Target"), Ui.L("目标值", "Target"), Ui.L("最新值", "Latest"), Ui.L("状态", "Status")],
            c.Targets.Select(t => new[]
            {
                t.Name,
                $"{t.TargetText}（{t.Deadline?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Ui.L("每年", "yearly")}）",
                (t.LatestValue is { } v ? PlanModel.Amount(v, null, t.Unit) : "—") + (t.LatestOn is { } on ? " " + Ui.Date(on) : "") + ReportModel.Refs(c.TargetFootnotes[t.Id]),
                PlanModel.StatusText(t.Status),
            })));

        body.Append(Heading(Ui.L("二、重点任务推进", "2. Key tasks")));
        body.Append(Paragraph(Ui.L($"计划共 {c.Units.Sum(u => u.Tasks)} 项次任务分配给 {c.Units.Count} 个责任单位；按季度报送进展。", $"{c.Units.Sum(u => u.Tasks)} task assignments across {c.Units.Count} responsible units, reported quarterly.") + $"[{c.Platform.Tasks}]"));
        body.Append(Table(
            [Ui.L("责任单位", "Unit"), Ui.L("任务", "Tasks"), Ui.L("已报送", "Reported"), Ui.L("逾期", "Overdue")],
            c.Units.Select(u => new[] { u.Unit, Number(u.Tasks), Number(u.Reported), Number(u.Overdue) })));

        body.Append(Heading(Ui.L("三、产业链图谱", "3. Industry chain map")));
        body.Append(Paragraph(Ui.L($"登记库共 {c.Chain.EnterpriseCount} 家企业；企业不超过 {c.Chain.WeakLinkThreshold} 家的环节为薄弱环节。", $"{c.Chain.EnterpriseCount} enterprises in the registry; nodes with {c.Chain.WeakLinkThreshold} or fewer are weak links.") + $"[{c.Platform.Chain}]"));
        body.Append(Table(
            [Ui.L("层", "Layer"), Ui.L("细分领域", "Segment"), Ui.L("企业数", "Enterprises"), Ui.L("薄弱环节", "Weak links")],
            c.Chain.Layers.SelectMany(l => l.Children.Select(s => new[]
            {
                Ui.L(l.Name, l.NameEn), Ui.L(s.Name, s.NameEn), Number(s.TotalCount),
                string.Join("、", s.Children.Where(n => n.Strength != "ok").Select(n => Ui.L(n.Name, n.NameEn))),
            }))));

        var total = c.Funnel.Total;
        body.Append(Heading(Ui.L("四、场景应用与案例", "4. Scenarios and cases")));
        body.Append(Paragraph(Ui.L($"平台记录：发布需求 {total.Published} 项，已匹配 {total.Matched}，对接 {total.Docked}，签约 {total.Signed}，落地 {total.Landed}，示范 {total.Demonstration}。",
            $"On the platform: {total.Published} demands published, {total.Matched} matched, {total.Docked} docked, {total.Signed} signed, {total.Landed} landed, {total.Demonstration} demonstration.") + $"[{c.Platform.Funnel}]"));
        foreach (var k in c.Cases)
        {
            body.Append(Paragraph($"{k.Scenario} — {k.Vendor ?? Ui.L("未公开供给方", "vendor not named")}" + (k.District is null ? "" : " · " + k.District)
                + (k.Demonstration ? Ui.L("（示范）", " (demonstration)") : "") + $"[{c.CaseFootnotes[k.DockingId]}]"));
        }

        body.Append(Heading(Ui.L("注释与出处", "Notes and sources")));
        foreach (var note in c.Footnotes)
        {
            var paragraph = Paragraph($"[{note.Number}] {note.Text}" + (note.Quote is null ? "" : $"：“{InnoCluster.Text.ReadableText.Shown(note.Quote)}”"), size: 24);
            if (note.Link is not null && Uri.TryCreate(note.Link, UriKind.Absolute, out var link))
            {
                var relation = main.AddHyperlinkRelationship(link, true);
                paragraph.Append(new Run(new WordText(" ") { Space = SpaceProcessingModeValues.Preserve }), new Hyperlink(Run(note.Link, 24, false, "仿宋")) { Id = relation.Id });
            }

            body.Append(paragraph);
        }

        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = new Footer(PageNumber());
        body.Append(new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
            new PageSize { Width = 11906, Height = 16838 }, // A4 in twentieths of a point
            new PageMargin { Top = 2098, Bottom = 1984, Left = 1588, Right = 1474, Header = 851, Footer = 992 }, // 37, 35, 28, 26 mm
            new TitlePage())); // the cover has no number
        main.Document.Save();
    }

    /// <summary>第N页 (Page N in English) from Word's PAGE field.</summary>
    private static Paragraph PageNumber()
    {
        var (before, after) = Ui.English ? ("Page ", "") : ("第", "页");
        return new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            Run(before, 21, false, "宋体"),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
            Run(after, 21, false, "宋体"));
    }

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Paragraph Heading(string text) => Paragraph(text, size: 32, bold: false, font: "黑体");

    /// <param name="size">In half-points: 32 is 三号 (16 pt).</param>
    private static Paragraph Paragraph(string text, int size = 32, bool bold = false, string font = "仿宋", bool centred = false)
    {
        var properties = new ParagraphProperties(new SpacingBetweenLines { After = "120", Line = "560", LineRule = LineSpacingRuleValues.Exact });
        if (centred)
        {
            properties.Append(new Justification { Val = JustificationValues.Center });
        }

        return new Paragraph(properties, Run(text, size, bold, font));
    }

    private static Run Run(string text, int size, bool bold, string font)
    {
        var properties = new RunProperties(new RunFonts { EastAsia = font, Ascii = "Times New Roman", HighAnsi = "Times New Roman" }, new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (bold)
        {
            properties.Append(new Bold());
        }

        return new Run(properties, new WordText(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static Table Table(string[] headers, IEnumerable<string[]> rows)
    {
        var border = new EnumValue<BorderValues>(BorderValues.Single);
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = border, Size = 4 }, new BottomBorder { Val = border, Size = 4 }, new LeftBorder { Val = border, Size = 4 },
                new RightBorder { Val = border, Size = 4 }, new InsideHorizontalBorder { Val = border, Size = 4 }, new InsideVerticalBorder { Val = border, Size = 4 })));
        TableRow Row(IEnumerable<string> cells, bool header) =>
            new(cells.Select(text => new TableCell(new Paragraph(Run(text, 21, header, header ? "黑体" : "宋体")))));
        var head = Row(headers, header: true);
        head.PrependChild(new TableRowProperties(new TableHeader()));
        table.Append(head);
        foreach (var row in rows)
        {
            table.Append(Row(row, header: false));
        }

        return table;
    }
}
