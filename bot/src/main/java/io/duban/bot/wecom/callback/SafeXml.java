package io.duban.bot.wecom.callback;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * A DOM parser hardened against XXE and entity expansion: any DOCTYPE is a parse error, external entities and
 * schemas are off. WeCom's callback XML never has a DOCTYPE, so a document with one is refused outright.
 */
final class SafeXml {
    /** Fails on errors without printing them to stderr (the default handler does). */
    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    /**
     * One parser per thread, reused after {@link DocumentBuilder#reset()}: building a parser costs more than parsing a
     * callback, and a shared factory needs a lock that every HTTP thread would wait for.
     */
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(() -> {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(SILENT);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be built", e);
        }
    });

    private SafeXml() {
    }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        try {
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be hardened", e);
        }
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(false);
        return f;
    }

    /** Parses {@code xml}; a DOCTYPE, a syntax error or a root other than {@code <xml>} is a 400. */
    static Element parseRoot(byte[] xml) {
        Document doc;
        try {
            DocumentBuilder builder = BUILDER.get();
            builder.reset(); // reset() forgets the error handler, and any state a failed parse left behind
            builder.setErrorHandler(SILENT);
            doc = builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            String m = String.valueOf(e.getMessage());
            throw CallbackRejection.badRequest(m.contains("DOCTYPE") ? "XML with a DOCTYPE (refused: XXE)"
                    : "malformed XML");
        } catch (IOException e) {
            throw CallbackRejection.badRequest("malformed XML");
        }
        Element root = doc.getDocumentElement();
        if (!"xml".equals(root.getTagName())) {
            throw CallbackRejection.badRequest("XML root is not <xml>");
        }
        return root;
    }

    /** The text of the first direct child named {@code name}, or {@code null}. */
    static String child(Element root, String name) {
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && name.equals(n.getNodeName())) {
                return n.getTextContent();
            }
        }
        return null;
    }
}
