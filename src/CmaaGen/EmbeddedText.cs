using System.IO;
using System.Text;

namespace CmaaGen
{
    /// <summary>
    /// The text files embedded in the analyzer assembly: the country catalogue, the default list and its stored
    /// generated files. Each is read in every cold build that needs it, so it is decoded in one call from its bytes; a
    /// StreamReader's buffers and growing builder cost more than the files themselves.
    /// </summary>
    internal static class EmbeddedText
    {
        /// <summary>The resource's text, UTF-8, without a byte order mark (as a StreamReader reads it).</summary>
        /// <param name="description">What the resource is, for the error when it is missing.</param>
        public static string Read(string resourceName, string description)
        {
            using var stream = typeof(EmbeddedText).Assembly.GetManifestResourceStream(resourceName)
                ?? throw new InvalidDataException("The " + description + " is not embedded in the analyzer assembly.");
            var bytes = new byte[stream.Length];
            var read = 0;
            while (read < bytes.Length)
            {
                var count = stream.Read(bytes, read, bytes.Length - read);
                if (count == 0)
                {
                    throw new InvalidDataException("The embedded " + description + " is shorter than its length.");
                }

                read += count;
            }

            var bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            return Encoding.UTF8.GetString(bytes, bom, bytes.Length - bom);
        }
    }
}
