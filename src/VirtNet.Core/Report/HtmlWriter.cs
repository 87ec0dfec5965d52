using System.Globalization;
using System.IO;

namespace VirtNet.Report
{
    /// <summary>
    /// Writes HTML (and the SVG inside it) with every text and attribute value escaped, since names come from
    /// imported files. The output is also well-formed XML: void elements are self-closed and only the five XML
    /// entities are used, so tools can read a report back with any XML parser.
    /// </summary>
    internal sealed class HtmlWriter
    {
        readonly TextWriter _out;

        public HtmlWriter(TextWriter output) { _out = output; }

        /// <summary>Opens an element; <paramref name="attributes"/> are name, value pairs (a null value leaves the attribute out).</summary>
        public HtmlWriter Open(string tag, params string[] attributes)
        {
            _out.Write('<');
            _out.Write(tag);
            WriteAttributes(attributes);
            _out.Write('>');
            return this;
        }

        public HtmlWriter Close(string tag)
        {
            _out.Write("</");
            _out.Write(tag);
            _out.Write('>');
            return this;
        }

        /// <summary>An element without content, self-closed.</summary>
        public HtmlWriter Empty(string tag, params string[] attributes)
        {
            _out.Write('<');
            _out.Write(tag);
            WriteAttributes(attributes);
            _out.Write("/>");
            return this;
        }

        /// <summary>An element holding only text.</summary>
        public HtmlWriter Element(string tag, string text, params string[] attributes)
        {
            Open(tag, attributes);
            Text(text);
            return Close(tag);
        }

        public HtmlWriter Text(string text)
        {
            Escape(text, _out);
            return this;
        }

        /// <summary>Markup that is a constant of this program (the style sheet, the doctype); never data.</summary>
        public HtmlWriter Markup(string constant)
        {
            _out.Write(constant);
            return this;
        }

        public HtmlWriter Line()
        {
            _out.Write('\n');
            return this;
        }

        void WriteAttributes(string[] attributes)
        {
            for (int i = 0; i + 1 < attributes.Length; i += 2)
            {
                if (attributes[i + 1] == null) continue;
                _out.Write(' ');
                _out.Write(attributes[i]);
                _out.Write("=\"");
                Escape(attributes[i + 1], _out);
                _out.Write('"');
            }
        }

        /// <summary>
        /// Escapes the five XML specials and drops what neither HTML nor XML may hold (control characters other
        /// than tab and line breaks, unpaired surrogates), so no name can end an element or an attribute early.
        /// </summary>
        internal static void Escape(string text, TextWriter output)
        {
            if (text == null) return;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                switch (c)
                {
                    case '&': output.Write("&amp;"); continue;
                    case '<': output.Write("&lt;"); continue;
                    case '>': output.Write("&gt;"); continue;
                    case '"': output.Write("&quot;"); continue;
                    case '\'': output.Write("&#39;"); continue;
                }
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
                if (c == '\uFFFE' || c == '\uFFFF') continue;
                if (char.IsHighSurrogate(c))
                {
                    if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        output.Write(c);
                        output.Write(text[++i]);
                    }
                    continue;
                }
                if (char.IsLowSurrogate(c)) continue;
                output.Write(c);
            }
        }

        /// <summary>A coordinate as SVG wants it: invariant culture, at most one decimal.</summary>
        public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
    }
}
