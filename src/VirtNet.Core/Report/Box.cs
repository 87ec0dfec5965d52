using System;

namespace VirtNet.Report
{
    /// <summary>An axis-aligned rectangle of a diagram, in SVG user units (pixels at 100 % zoom).</summary>
    public readonly struct Box
    {
        public Box(double x, double y, double width, double height)
        {
            X = x;
            Y = y;
            Width = width;
            Height = height;
        }

        public double X { get; }
        public double Y { get; }
        public double Width { get; }
        public double Height { get; }
        public double Right => X + Width;
        public double Bottom => Y + Height;
        public double CenterY => Y + Height / 2;

        /// <summary>True when the interiors meet; boxes that only touch along an edge do not overlap.</summary>
        public bool Overlaps(Box other) =>
            X < other.Right && other.X < Right && Y < other.Bottom && other.Y < Bottom;

        public bool Contains(Box other) =>
            X <= other.X && Y <= other.Y && other.Right <= Right && other.Bottom <= Bottom;

        public override string ToString() => $"{X:0.#},{Y:0.#} {Width:0.#}x{Height:0.#}";
    }

    /// <summary>
    /// Text widths for the monospace font the report draws its diagrams in. Monospace makes the width of a label
    /// a function of its length, so the layout can keep labels apart without a browser: DejaVu Sans Mono, Menlo and
    /// Liberation Mono advance 0.602 em per character, Consolas 0.55 em; 0.62 em leaves a margin over all of them.
    /// </summary>
    public static class TextMetrics
    {
        public const double EmPerCharacter = 0.62;
        /// <summary>The part of the font size above the baseline that a box around the text must cover.</summary>
        public const double Ascent = 0.8;

        public static double Width(string text, double fontSize) => (text ?? "").Length * fontSize * EmPerCharacter;

        /// <summary>The text, cut with an ellipsis when it would be wider than <paramref name="maxWidth"/>.</summary>
        public static string Fit(string text, double fontSize, double maxWidth)
        {
            text = text ?? "";
            int fits = (int)Math.Floor(maxWidth / (fontSize * EmPerCharacter));
            if (text.Length <= fits) return text;
            return fits <= 1 ? "" : text.Substring(0, fits - 1) + "\u2026";
        }

        /// <summary>The box a label drawn with its baseline at (x, baseline) takes.</summary>
        public static Box LabelBox(string text, double fontSize, double x, double baseline) =>
            new Box(x, baseline - Ascent * fontSize, Width(text, fontSize), fontSize);
    }
}
